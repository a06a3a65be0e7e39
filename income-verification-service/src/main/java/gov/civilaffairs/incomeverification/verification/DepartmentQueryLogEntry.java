package gov.civilaffairs.incomeverification.verification;

import java.time.Instant;

import gov.civilaffairs.incomeverification.department.Source;
import gov.civilaffairs.incomeverification.department.SourceResult;
import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One query of another department's data about a household member, as the household may be given it
 * (issue 6; 个人信息保护法 arts. 44-45, the right to know who processed one's data and how): who asked,
 * why, about whom, which department, when, the outcome and how many records came back. Never the
 * values the department returned.
 *
 * @param requestId the verification request the query belongs to
 * @param purpose why the household was verified
 * @param askedBy user or client that made the request
 * @param retry whether the service asked again after a missing answer (not a new request)
 * @param nationalIdNumber the member asked about; masked ({@code 330681********123X}) for roles not in
 *     {@code platform.security.unmasked-roles.NATIONAL_ID_NUMBER}
 * @param source the department
 * @param outcome ANSWERED, or why it did not answer
 * @param recordCount records the department returned about this member
 * @param queriedAt when the query ended (UTC)
 */
public record DepartmentQueryLogEntry(
    @Schema(example = "42") long requestId,
    @Schema(example = "ALLOWANCE_APPLICATION") Purpose purpose,
    @Schema(example = "jiyang-caseworker") String askedBy,
    @Schema(example = "false") boolean retry,
    @Schema(example = "330681********123X") @Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber,
    @Schema(example = "TAX") Source source,
    @Schema(example = "ANSWERED") SourceResult.Status outcome,
    @Schema(example = "1") int recordCount,
    @Schema(example = "2026-11-30T08:15:30.123Z") Instant queriedAt) {
}
