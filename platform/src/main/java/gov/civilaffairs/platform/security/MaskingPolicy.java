package gov.civilaffairs.platform.security;

/**
 * Decides whether the current response may show a kind of personal data in full.
 *
 * <p>Seam for {@code platform.masking} (its {@code @Masked} serializer asks the policy before
 * writing a value). Defined here until that package is merged; see docs/security.md.
 */
public interface MaskingPolicy {

  /** Whether values of this kind are shown unmasked to the current caller; {@code false} masks them. */
  boolean reveals(PersonalDataKind kind);
}
