package gov.civilaffairs.relief.extremepoverty;

import java.time.LocalDate;
import java.time.YearMonth;

import gov.civilaffairs.relief.allowance.Area;

/**
 * A determination case of an extreme-poverty person (特困人员认定, 民发〔2021〕43号) and, once determined, the
 * support it grants (特困人员救助供养, 国发〔2016〕14号). Its id is the decision reference that payments cite.
 *
 * @param area whether the urban or the rural allowance standard sets the basic living standard
 * @param noWorkAbility 无劳动能力, as verified by the township (null before the township review)
 * @param noIncomeSource 无生活来源, as verified by the township
 * @param noAbleSupporter 无法定赡养、抚养、扶养义务人, 或者其法定义务人无履行义务能力, as verified by the township
 * @param supportMode set by the determination
 * @param careLevel set by the determination; sets the care allowance
 * @param startMonth first month of support: the month after the determination
 * @param endMonth last month of support (null while supported)
 * @param endReason why support ended ({@code DEATH}); null while supported
 * @param endDeathRecordId the registry's death record that ended it, for "why was this stopped?"
 * @param townshipReviewDueOn last day of the township's review (working days from intake); null if the calendar
 *     does not reach it
 * @param determinationDueOn last day of the county's determination (working days from the township review)
 */
public record ExtremePovertyCase(long id, String regionCode, String nationalIdNumber, String name, Area area,
    String circumstances, Status status, LocalDate appliedOn, String createdBy, Boolean noWorkAbility,
    Boolean noIncomeSource, Boolean noAbleSupporter, String townshipFindings, LocalDate townshipReviewedOn,
    String townshipReviewedBy, SupportMode supportMode, CareLevel careLevel, LocalDate decidedOn, String decidedBy,
    String refusalReason, YearMonth startMonth, YearMonth endMonth, String endReason, Long endDeathRecordId,
    LocalDate townshipReviewDueOn, LocalDate determinationDueOn) {

  /** Where the case stands (民发〔2021〕43号 art. 3: 乡镇 受理、初审, 县级 审核确认). */
  public enum Status {
    /** Taken by the township; waiting for its review (入户调查, 审核). */
    TOWNSHIP_REVIEW,
    /** Reviewed by the township, sent to the county civil-affairs department for determination (确认). */
    COUNTY_DETERMINATION,
    /** Determined an extreme-poverty person: support is paid from {@code startMonth}. */
    SUPPORTED,
    /** Refused, with reasons (书面告知并说明理由). */
    REFUSED,
    /** Support ended (death, or another end of support); {@code endMonth} is the last month paid. */
    ENDED
  }

  /** 供养形式 (国发〔2016〕14号). */
  public enum SupportMode {
    /** 集中供养: lives in a support institution (供养服务机构). */
    INSTITUTIONAL,
    /** 分散供养: supported at home. */
    HOME
  }

  /** 生活自理能力 (国发〔2016〕14号): sets the care allowance (照料护理标准). */
  public enum CareLevel {
    /** 具备生活自理能力 (全自理). */
    FULL_SELF_CARE,
    /** 部分丧失生活自理能力 (半自理). */
    PARTIAL_SELF_CARE,
    /** 完全丧失生活自理能力 (全护理). */
    NO_SELF_CARE
  }

  /** Whether the case waits past the deadline of its current step on {@code today}. */
  public boolean overdueOn(LocalDate today) {
    LocalDate due = status == Status.TOWNSHIP_REVIEW ? townshipReviewDueOn
        : status == Status.COUNTY_DETERMINATION ? determinationDueOn : null;
    return due != null && today.isAfter(due);
  }
}
