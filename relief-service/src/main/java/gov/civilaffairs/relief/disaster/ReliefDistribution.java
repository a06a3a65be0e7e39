package gov.civilaffairs.relief.disaster;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Relief goods or money given to one recipient for one disaster event (救灾款物发放, recorded per recipient;
 * 《自然灾害救助条例》 art. 14 (应急救助: food, water, clothing, shelter) and the later living aid of arts. 19-20; relief
 * money and goods are for their purpose only and accounted for per recipient, verify article numbers of the 2019
 * revision). The same item is given to the same recipient once per event.
 *
 * @param regionCode the recipient's village or community (12 digits), within the event's region
 * @param recipientKind {@code HOUSEHOLD} (the number is the head's) or {@code PERSON}
 * @param item what was given, e.g. 应急生活救助金, 棉被, 大米
 * @param kind {@code MONEY} ({@code amount} in yuan, scale 2) or {@code GOODS} ({@code quantity} in {@code unit})
 */
public record ReliefDistribution(long id, long eventId, String regionCode, String recipientKind,
    String nationalIdNumber, String name, String item, String kind, BigDecimal amount, Integer quantity, String unit,
    LocalDate distributedOn) {
}
