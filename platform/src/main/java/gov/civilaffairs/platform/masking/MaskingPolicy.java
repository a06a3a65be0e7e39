package gov.civilaffairs.platform.masking;

/**
 * Decides, at the moment a {@link Masked} value is written, whether it is masked. The seam for
 * role-dependent masking (QUALITY.md: ID numbers masked in responses "for roles that do not need
 * them"): a service declares its own {@code MaskingPolicy} bean, for example one that reads the
 * caller's authorities, and the platform's default ({@link #ALWAYS}) backs off.
 */
@FunctionalInterface
public interface MaskingPolicy {

  /** Masks every annotated value: the default until roles are known. */
  MaskingPolicy ALWAYS = type -> true;

  /**
   * @param type the kind of identifier about to be written
   * @return {@code true} to write it masked, {@code false} to write it in full
   */
  boolean masks(MaskType type);
}
