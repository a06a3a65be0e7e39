package gov.civilaffairs.platform.region;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The administrative divisions (行政区划, GB/T 2260 codes) of the loaded provinces, from the province
 * down to the village and community committees, and how they nest. Statistics roll up along
 * {@link #chain}; area-scoped authorization asks {@link #isWithin}. Immutable and thread-safe.
 *
 * <h2>Codes accepted</h2>
 * <ul>
 *   <li>the short code of each level: 2 digits (province, {@code 33}), 4 (city, {@code 3306}),
 *       6 (county, {@code 330681}), 9 (township, {@code 330681109}), 12 (village,
 *       {@code 330681109290}); this is the form {@link Region#code()} always has;</li>
 *   <li>the same codes padded with zeros to the 6 digits of GB/T 2260 ({@code 330000},
 *       {@code 330600}) or to the 12 digits of the statistical division codes
 *       ({@code 330000000000}, {@code 330600000000}, {@code 330681000000}, {@code 330681109000}).</li>
 * </ul>
 * Anything else (letters, spaces, other lengths, codes of provinces not loaded) is unknown:
 * {@link #find} is empty and the other methods throw {@link UnknownRegionException}.
 */
public final class RegionDirectory {

  private static final CSVFormat DATA_FORMAT =
      CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();

  private final Map<String, Region> regions;
  private final Map<String, List<Region>> children;
  private final SortedSet<String> provinces;

  /**
   * @param regions the divisions, each with its parent (except provinces)
   * @throws IllegalArgumentException if a code appears twice or a division's parent is missing
   */
  public RegionDirectory(Collection<Region> regions) {
    Map<String, Region> byCode = new HashMap<>();
    Map<String, List<Region>> byParent = new HashMap<>();
    SortedSet<String> provinceCodes = new TreeSet<>();
    for (Region region : regions) {
      if (byCode.putIfAbsent(region.code(), region) != null) {
        throw new IllegalArgumentException("Region code appears twice: " + region.code());
      }
      if (region.parentCode() == null) {
        provinceCodes.add(region.code());
      } else {
        byParent.computeIfAbsent(region.parentCode(), code -> new ArrayList<>()).add(region);
      }
    }
    byParent.forEach((parent, list) -> {
      if (!byCode.containsKey(parent)) {
        throw new IllegalArgumentException("Parent " + parent + " of " + list.get(0).code() + " is missing");
      }
      list.sort(Comparator.comparing(Region::code));
    });
    byParent.replaceAll((parent, list) -> List.copyOf(list));
    this.regions = Map.copyOf(byCode);
    this.children = Map.copyOf(byParent);
    this.provinces = Collections.unmodifiableSortedSet(provinceCodes);
  }

  /**
   * Loads the divisions of the given provinces from this jar: one file per province,
   * {@code gov/civilaffairs/platform/region/<province>.csv.gz} (gzip, UTF-8 CSV, header
   * {@code code,name}; made by {@code deploy/tools/extract-regions.py}, see SOURCE.md beside them).
   *
   * @param provinceCodes 2-digit province codes, for example {@code ["33"]} for 浙江省
   * @throws IllegalStateException if the jar has no file for a province
   * @throws IllegalArgumentException if a file holds a malformed code or a division without parent
   */
  public static RegionDirectory load(Collection<String> provinceCodes) {
    List<Region> regions = new ArrayList<>();
    for (String province : provinceCodes) {
      String file = province + ".csv.gz";
      try (InputStream in = RegionDirectory.class.getResourceAsStream(file)) {
        if (in == null) {
          throw new IllegalStateException("No division data for province " + province + " in this jar ("
              + file + "); make it with deploy/tools/extract-regions.py");
        }
        regions.addAll(read(new InputStreamReader(new GZIPInputStream(in), StandardCharsets.UTF_8)));
      } catch (IOException ex) {
        throw new UncheckedIOException("Cannot read " + file, ex);
      }
    }
    return new RegionDirectory(regions);
  }

  /** Reads CSV with the header {@code code,name}, one division a row. The reader is not closed. */
  static List<Region> read(Reader csv) throws IOException {
    List<Region> regions = new ArrayList<>();
    for (CSVRecord row : DATA_FORMAT.parse(csv)) {
      regions.add(Region.of(row.get("code"), row.get("name")));
    }
    return regions;
  }

  /** The division with this code in any accepted form (see the class comment), if loaded. */
  public Optional<Region> find(String code) {
    String candidate = code;
    while (candidate != null) {
      Region region = regions.get(candidate);
      if (region != null) {
        return Optional.of(region);
      }
      candidate = withoutPadding(candidate);
    }
    return Optional.empty();
  }

  /**
   * The division with this code in any accepted form.
   *
   * @throws UnknownRegionException if there is none
   */
  public Region require(String code) {
    return find(code).orElseThrow(() -> new UnknownRegionException(code, provinces));
  }

  /**
   * The division and all those it belongs to, from itself up to its province; for a village:
   * village, township, county, city, province.
   *
   * @throws UnknownRegionException if the code is unknown
   */
  public List<Region> chain(String code) {
    List<Region> chain = new ArrayList<>(RegionLevel.values().length);
    for (Region region = require(code); region != null; region = parentOf(region)) {
      chain.add(region);
    }
    return List.copyOf(chain);
  }

  /**
   * The divisions directly under this one, ordered by code; empty for a village.
   *
   * @throws UnknownRegionException if the code is unknown
   */
  public List<Region> children(String code) {
    return children.getOrDefault(require(code).code(), List.of());
  }

  /**
   * Whether a division lies within another: true when {@code ancestorCode} names the division itself
   * or one of those it belongs to. A village of 诸暨市 is within its township, 诸暨市, 绍兴市 and
   * 浙江省, and not within any other.
   *
   * @throws UnknownRegionException if either code is unknown (never a silent "no" for a typo in a
   *     caseworker's area)
   */
  public boolean isWithin(String code, String ancestorCode) {
    Region ancestor = require(ancestorCode);
    return chain(code).contains(ancestor);
  }

  /** The 2-digit codes of the provinces loaded, in order. */
  public SortedSet<String> provinces() {
    return provinces;
  }

  /** The number of divisions loaded, all levels together. */
  public int size() {
    return regions.size();
  }

  private Region parentOf(Region region) {
    return region.parentCode() == null ? null : regions.get(region.parentCode());
  }

  /** The code one level up if this one is a padded form of it (ends in the zeros of its level), else null. */
  private static String withoutPadding(String code) {
    return switch (code.length()) {
      case 12, 9 -> code.endsWith("000") ? code.substring(0, code.length() - 3) : null;
      case 6, 4 -> code.endsWith("00") ? code.substring(0, code.length() - 2) : null;
      default -> null;
    };
  }
}
