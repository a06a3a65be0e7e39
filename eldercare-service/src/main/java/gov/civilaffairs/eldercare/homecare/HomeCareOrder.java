package gov.civilaffairs.eldercare.homecare;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A service order of a home-care station: a service for an elderly person at a time, by a provider.
 *
 * @param fee yuan, scale 2, paid by the person: only for LOW_COST, 0.00 otherwise
 * @param scheduledAt when the service is to be given (UTC instant)
 * @param outcome what was done (COMPLETED) or why it was cancelled (CANCELLED)
 * @param closedAt when it was completed or cancelled (UTC)
 * @param cancelledByDeathRecordId the registry's death record that cancelled it, {@code null} otherwise
 */
public record HomeCareOrder(long id, long stationId, long personId, ServiceType serviceType, PaymentKind paymentKind,
    BigDecimal fee, String provider, Instant scheduledAt, Status status, String outcome, Instant closedAt,
    Long cancelledByDeathRecordId) {

  /** The services of a home-care station (issue 7; DOMAIN.md glossary). */
  public enum ServiceType {
    /** 生活照料 */
    DAILY_CARE,
    /** 医疗保健 */
    MEDICAL,
    /** 法律服务 */
    LEGAL,
    /** 文体娱乐 */
    CULTURE_SPORT,
    /** 精神慰藉 (companionship) */
    COMPANIONSHIP,
    /** 紧急救援 */
    EMERGENCY
  }

  /** Who pays. */
  public enum PaymentKind {
    /** 政府购买服务: free to the person. */
    GOVERNMENT_PAID,
    /** 低偿服务: the person pays a reduced fee. */
    LOW_COST,
    /** 志愿服务: a volunteer, free. */
    VOLUNTEER
  }

  /** Where the order stands. */
  public enum Status {
    OPEN, COMPLETED, CANCELLED
  }
}
