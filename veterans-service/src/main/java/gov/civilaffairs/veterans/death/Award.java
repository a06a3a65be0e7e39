package gov.civilaffairs.veterans.death;

import java.math.BigDecimal;

/**
 * An amount due under a rule, and the rule's wording for the record.
 *
 * @param amount yuan, scale 2
 * @param basis how the amount was reached and the rule's source, e.g. {@code 6 x 2830.00 (...)}
 */
record Award(BigDecimal amount, String basis) {
}
