package gov.civilaffairs.relief.temporary;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import gov.civilaffairs.relief.person.PersonStatus;

/**
 * A temporary-assistance case (临时救助).
 *
 * @param kind {@link Kind}
 * @param cause {@link Cause}; the same cause of the same person is assisted once within the configured interval
 * @param amount yuan, scale 2
 * @param tier who approves: {@code TOWNSHIP} up to the township limit, else {@code COUNTY}
 * @param registryStatus what registry-service said of the person at intake ({@code UNAVAILABLE} for an
 *     emergency paid while the registry was down)
 * @param paidOn the day it was paid: at intake for an emergency, at approval otherwise
 * @param approvalDueOn for an emergency, the last day to complete its approval (working days); null otherwise
 * @param recoveryRequired an emergency payment whose approval was refused: the money is to be recovered
 */
public record TemporaryAssistance(long id, String regionCode, String nationalIdNumber, String name, Kind kind,
    Cause cause, String circumstances, BigDecimal amount, Tier tier, Status status, PersonStatus registryStatus,
    LocalDate appliedOn, LocalDate paidOn, LocalDate approvalDueOn, LocalDate decidedOn, String decidedBy,
    String decisionReason, boolean recoveryRequired, String createdBy, Instant createdAt) {

  /** 急难型 or 支出型 (国发〔2014〕47号). */
  public enum Kind {
    /** 急难型: sudden hardship; paid first, approved after. */
    EMERGENCY,
    /** 支出型: essential expenditure beyond the household's means; approved, then paid. */
    EXPENDITURE
  }

  /** The cause of the hardship (救助事由). */
  public enum Cause {
    /** 火灾. */
    FIRE,
    /** 交通事故等意外事件. */
    ACCIDENT,
    /** 自然灾害. */
    NATURAL_DISASTER,
    /** 重特大疾病. */
    MAJOR_ILLNESS,
    /** 教育支出. */
    EDUCATION,
    /** 其他. */
    OTHER
  }

  /** Who approves. */
  public enum Tier {
    TOWNSHIP,
    COUNTY
  }

  /** Where the case stands. */
  public enum Status {
    /** An emergency case paid, waiting for its approval. */
    PAID_PENDING_APPROVAL,
    /** An expenditure case waiting for approval. */
    PENDING_APPROVAL,
    /** Approved and paid. */
    APPROVED,
    /** Refused (an emergency payment refused afterwards is to be recovered). */
    REFUSED
  }
}
