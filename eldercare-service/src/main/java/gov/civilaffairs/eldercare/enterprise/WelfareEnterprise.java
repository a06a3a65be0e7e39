package gov.civilaffairs.eldercare.enterprise;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A welfare enterprise (福利企业: an enterprise employing disabled people, certified by the civil-affairs bureau).
 *
 * @param taxOffice the tax office that takes part in its annual inspection
 */
public record WelfareEnterprise(
    @Schema(example = "2") long id,
    @Schema(example = "诸暨市康乐针织厂") String name,
    @Schema(example = "330681104") String regionCode,
    @Schema(example = "福企证字330681-012") String certificateNumber,
    @Schema(example = "国家税务总局诸暨市税务局") String taxOffice) {
}
