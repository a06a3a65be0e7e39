package gov.civilaffairs.relief.allowance;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A minimum-living-allowance household: the unit of assessment (DOMAIN.md).
 *
 * @param regionCode the 12-digit village or community code (GB/T 2260 extended to village level)
 * @param monthlyIncome the household's assessed monthly income, yuan
 * @param headRequiredDeathRecordId set while a new head must be named because the head died: the
 *     death record that caused it
 * @param members every member, living or not, in registration order
 */
public record Household(long id, String regionCode, Area area, BigDecimal monthlyIncome,
    Long headRequiredDeathRecordId, List<Member> members) {

  public boolean headRequired() {
    return headRequiredDeathRecordId != null;
  }

  public int livingMembers() {
    return (int) members.stream().filter(Member::living).count();
  }

  public Optional<Member> member(String nationalIdNumber) {
    return members.stream().filter(m -> m.nationalIdNumber().equals(nationalIdNumber)).findFirst();
  }
}
