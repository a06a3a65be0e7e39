package gov.civilaffairs.incomeverification.verification;

import java.time.Instant;
import java.util.List;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;

/**
 * A household economic verification request as stored.
 *
 * @param id the request id
 * @param householdId relief-service's household id
 * @param residence which allowance standard applies
 * @param purpose why the household is verified
 * @param consent the household's written consent
 * @param members the members' national ID numbers, in the order given
 * @param status where it stands
 * @param requestedBy user or client that made it
 * @param requestedAt when it was made
 * @param retryUntil until when missing departments are asked again
 * @param finishedAt when it became final, or {@code null}
 * @param statusReason why it was rejected or closed, or {@code null}
 * @param regionCode GB/T 2260 code of the household's area (its village, or the township of the
 *     caseworker who asked); {@code null} for requests of city-wide staff without one, and for requests
 *     made before areas were kept: then only city-wide roles see it
 */
public record VerificationRequest(long id, String householdId, Residence residence, Purpose purpose, Consent consent,
    @Masked(MaskType.NATIONAL_ID_NUMBER) List<String> members, VerificationStatus status, String requestedBy, Instant requestedAt, Instant retryUntil,
    Instant finishedAt, String statusReason, String regionCode) {
}
