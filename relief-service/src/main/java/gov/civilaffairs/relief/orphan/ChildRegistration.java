package gov.civilaffairs.relief.orphan;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A registered scattered orphan (散居孤儿) or de-facto unsupported child (事实无人抚养儿童) and the monthly basic
 * living allowance (基本生活费) it grants. Its id is the decision reference that payments cite.
 *
 * @param startMonth first month paid: the month after registration
 * @param ageEndMonth the month of the 18th birthday: the last month paid at the latest (国办发〔2010〕54号 and
 *     民发〔2019〕62号 cover children under 18; paid until the month of the 18th birthday, stopped from the month
 *     after it)
 * @param endMonth last month paid when the allowance ended early (adoption, death); null otherwise
 */
public record ChildRegistration(long id, String regionCode, String nationalIdNumber, String name, LocalDate birthDate,
    Kind kind, Cause cause, String causeDetails, String guardianName, String guardianNationalIdNumber,
    GuardianRelation guardianRelation, LocalDate registeredOn, String registeredBy, YearMonth startMonth,
    YearMonth ageEndMonth, Status status, YearMonth endMonth, EndReason endReason, LocalDate endedOn,
    String endReference, Long endDeathRecordId) {

  /** Which scheme. */
  public enum Kind {
    /** 散居孤儿 (国办发〔2010〕54号): an orphan living with relatives or others, not in a welfare institution. */
    SCATTERED_ORPHAN,
    /** 事实无人抚养儿童 (民发〔2019〕62号). */
    DE_FACTO_UNSUPPORTED
  }

  /** Why the child is registered; each cause belongs to one kind. */
  public enum Cause {
    /** 父母双亡 (orphan). */
    BOTH_PARENTS_DECEASED(Kind.SCATTERED_ORPHAN),
    /** 父母双方宣告失踪 / 查找不到生父母 (orphan). */
    PARENTS_NOT_FOUND(Kind.SCATTERED_ORPHAN),
    /** 父母双方重残、重病、服刑在押、强制隔离戒毒、被执行其他限制人身自由措施、失联 (民发〔2019〕62号 part 1). */
    BOTH_PARENTS_UNABLE(Kind.DE_FACTO_UNSUPPORTED),
    /** 父母一方死亡或失踪, 另一方符合上述情形 (民发〔2019〕62号 part 1). */
    ONE_PARENT_DECEASED_OTHER_UNABLE(Kind.DE_FACTO_UNSUPPORTED);

    private final Kind kind;

    Cause(Kind kind) {
      this.kind = kind;
    }

    public Kind kind() {
      return kind;
    }
  }

  /** The guardian's relation to the child. */
  public enum GuardianRelation {
    GRANDPARENT,
    SIBLING,
    OTHER_RELATIVE,
    /** 村(居)民委员会 or 民政部门 as guardian. */
    COMMITTEE_OR_CIVIL_AFFAIRS,
    OTHER
  }

  /** Where the registration stands. */
  public enum Status {
    /** Paid each month from startMonth up to ageEndMonth. */
    ACTIVE,
    /** Ended early: endMonth is the last month paid. */
    ENDED
  }

  /** Why the allowance ended early. */
  public enum EndReason {
    /** 被收养. */
    ADOPTED,
    /** 死亡 (the death rule). */
    DEATH
  }

  /** The last month paid: the earlier of ageEndMonth and endMonth. */
  public YearMonth lastMonth() {
    return endMonth == null || ageEndMonth.isBefore(endMonth) ? ageEndMonth : endMonth;
  }
}
