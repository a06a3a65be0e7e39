package gov.civilaffairs.veterans.standard;

/**
 * A pension standard was published (an application event, inside the publishing transaction): the
 * pension roll recomputes the affected pensions from {@link PensionStandard#effectiveFrom()}.
 *
 * @param amounts the amounts due with the new standard included
 */
public record PensionStandardPublished(PensionStandard standard, PensionAmounts amounts) {
}
