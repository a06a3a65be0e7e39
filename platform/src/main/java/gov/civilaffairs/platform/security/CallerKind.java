package gov.civilaffairs.platform.security;

/** Whether a caller is a person (staff) or another system (machine client with client credentials). */
public enum CallerKind {
  /** A member of staff, with roles and usually a region. */
  USER,
  /** A machine client: a token with a {@code client_id} claim, scopes and no roles. */
  CLIENT
}
