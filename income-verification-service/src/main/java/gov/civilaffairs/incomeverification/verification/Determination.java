package gov.civilaffairs.incomeverification.verification;

/**
 * What the report shows against the city's thresholds, and the rule that decided it.
 *
 * @param outcome the finding
 * @param rule stable kebab-case code of the deciding rule, e.g. {@code asset-limit:VEHICLES}
 * @param explanation the figures compared, for the decision-maker
 */
public record Determination(Outcome outcome, String rule, String explanation) {

  /** Findings of the determination, in the order the rules are applied. */
  public enum Outcome {
    /** A department has not answered: no determination can be made (rule {@code sources-missing}). */
    INCONCLUSIVE,
    /** The household's assets in a category exceed the city's limit (rule {@code asset-limit:<category>}). */
    ASSETS_OVER_LIMIT,
    /** Per-capita income below the allowance standard (低保). */
    BELOW_ALLOWANCE_STANDARD,
    /** Per-capita income from the standard up to below the near-poverty multiple of it (低保边缘). */
    NEAR_POVERTY,
    /** Per-capita income at or above the near-poverty line. */
    ABOVE_NEAR_POVERTY_LINE
  }
}
