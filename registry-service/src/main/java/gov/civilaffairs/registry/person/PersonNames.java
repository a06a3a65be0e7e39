package gov.civilaffairs.registry.person;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Compares names as reported by different departments, which write the same name differently:
 * Unicode NFKC (full-width letters, digits and spaces become half-width, compatibility ideographs
 * become their unified form), every whitespace character removed (half-width, full-width U+3000,
 * tabs), the separators of ethnic-minority names (·, •, ・, ･, ．) unified to the middle dot U+00B7,
 * and Latin letters upper-cased. Every other character, rare and four-byte ones included, must match.
 */
public final class PersonNames {

  private PersonNames() {
  }

  /** The comparison form of a name (see the class comment); never shown to anyone. */
  public static String normalise(String name) {
    String nfkc = Normalizer.normalize(name, Normalizer.Form.NFKC);
    StringBuilder out = new StringBuilder(nfkc.length());
    nfkc.codePoints().forEach(cp -> {
      if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
        return;
      }
      out.appendCodePoint(switch (cp) {
        case '•', '・', '･', '.', '\u2027' -> '·';
        default -> cp;
      });
    });
    return out.toString().toUpperCase(Locale.ROOT);
  }

  /** Whether two names are the same after {@link #normalise normalisation}. */
  public static boolean sameName(String a, String b) {
    return normalise(a).equals(normalise(b));
  }
}
