package gov.civilaffairs.incomeverification.verification;

import java.util.List;

/**
 * What a caseworker asks to verify.
 *
 * @param householdId relief-service's household id
 * @param residence which allowance standard applies
 * @param purpose why
 * @param members the household members' national ID numbers, valid and normalised (upper-case X), distinct
 * @param consent the household's written consent, or {@code null} (refused with 422)
 * @param regionCode GB/T 2260 code of the household's area, within the caller's area, or {@code null}
 */
public record NewVerification(String householdId, Residence residence, Purpose purpose, List<String> members,
    Consent consent, String regionCode) {
}
