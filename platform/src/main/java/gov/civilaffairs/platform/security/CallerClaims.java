package gov.civilaffairs.platform.security;

/**
 * Names of the JWT claims of the claims contract (docs/security.md), shared by the authorization
 * server, the resource servers and the test tokens.
 */
public final class CallerClaims {

  /** User name of staff, or client id of a machine client. */
  public static final String SUBJECT = "sub";
  /** Client id; present only in tokens of machine clients. */
  public static final String CLIENT_ID = "client_id";
  /** JSON array of {@link Role} codes; absent in tokens of machine clients. */
  public static final String ROLES = "roles";
  /** Space-separated scopes of a machine client, for example {@code deaths:write persons:read}. */
  public static final String SCOPE = "scope";
  /** GB/T 2260 code of the area the user works in: 6, 9 or 12 digits; absent for city-wide roles. */
  public static final String REGION = "region";

  private CallerClaims() {
  }
}
