package gov.civilaffairs.eldercare.homecare;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A home-care station (居家养老服务站) of a community.
 *
 * @param regionCode the community (village-level committee), 12 digits of GB/T 2260
 * @param operator who runs it (the community, a social organisation or a company)
 */
public record HomeCareStation(
    @Schema(example = "1") long id,
    @Schema(example = "江东社区居家养老服务站") String name,
    @Schema(example = "330681001001") String regionCode,
    @Schema(example = "诸暨市乐龄养老服务中心") String operator,
    @Schema(example = "2020-05-01") LocalDate openedOn) {
}
