package gov.civilaffairs.relief.application.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import gov.civilaffairs.platform.masking.MaskType;
import gov.civilaffairs.platform.masking.Masked;
import gov.civilaffairs.relief.allowance.Area;
import gov.civilaffairs.relief.allowance.Relation;
import gov.civilaffairs.relief.application.AllowanceApplication;
import gov.civilaffairs.relief.application.ApplicationStatus;
import gov.civilaffairs.relief.application.RegistryCheck;
import gov.civilaffairs.relief.person.PersonStatus;

/**
 * An application with its members (ID numbers masked per role), the verification report, each step
 * taken and its deadlines. {@code dueOn} is the last day for the decision ({@code null} while the
 * official calendar does not cover it); {@code overdue} is true for an open application past it.
 */
record ApplicationResponse(long id, String regionCode, Area area, ApplicationStatus status, LocalDate receivedOn,
    LocalDate dueOn, boolean overdue, RegistryCheck registryCheck, String consentReference, LocalDate consentSignedOn,
    Long verificationRequestId, String verificationError, AllowanceApplication.Verification verification,
    BigDecimal assessedMonthlyIncome, String investigationFindings, LocalDate investigatedOn,
    List<String> photoReferences, boolean communityReviewRequested, LocalDate noticeStartsOn, LocalDate noticeEndsOn,
    BigDecimal proposedMonthlyAmount, LocalDate decidedOn, String refusalStep, String refusalReason,
    LocalDate refusalNoticeDueOn, Long householdId, YearMonth startMonth, List<MemberView> members,
    List<StepView> steps) {

  record MemberView(@Masked(MaskType.NATIONAL_ID_NUMBER) String nationalIdNumber, String name, Relation relation,
      PersonStatus registryStatus) {
  }

  record StepView(String step, String outcome, String actor, String note, Instant recordedAt) {
  }

  static ApplicationResponse of(AllowanceApplication a, LocalDate today, BigDecimal proposedMonthlyAmount,
      LocalDate refusalNoticeDueOn) {
    return new ApplicationResponse(a.id(), a.regionCode(), a.area(), a.status(), a.receivedOn(), a.dueOn(),
        !a.status().closed() && a.dueOn() != null && today.isAfter(a.dueOn()), a.registryCheck(),
        a.consentReference(), a.consentSignedOn(), a.verificationRequestId(), a.verificationError(), a.verification(),
        a.assessedMonthlyIncome(), a.investigationFindings(), a.investigatedOn(), a.photoReferences(),
        a.communityReviewRequested(), a.noticeStartsOn(), a.noticeEndsOn(), proposedMonthlyAmount, a.decidedOn(),
        a.refusalStep(), a.refusalReason(), refusalNoticeDueOn, a.householdId(), a.startMonth(),
        a.members().stream().map(m -> new MemberView(m.nationalIdNumber(), m.name(), m.relation(), m.registryStatus()))
            .toList(),
        a.steps().stream().map(s -> new StepView(s.step(), s.outcome(), s.actor(), s.note(), s.recordedAt())).toList());
  }
}
