package gov.civilaffairs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import gov.civilaffairs.bench.CityPeople.Resident;
import gov.civilaffairs.platform.idnumber.Sex;

/**
 * The loaded city as the benchmark needs it: one line per person who is in the registry's index,
 * {@code programme,national_id_number,name,sex,birth_date,region_code}; programme is the service
 * that enrolled the person (RELIEF, ELDERCARE or VETERANS), or REGISTRY for a member of a household
 * that relief-service could not take (no POST /households yet).
 */
final class Manifest {

  /** The service whose benefit a person receives; REGISTRY: in the person index only, no benefit. */
  enum Programme {
    REGISTRY(null),
    RELIEF("/api/relief/persons/%s/benefit-changes"),
    ELDERCARE("/api/eldercare/elderly-persons/%s/benefit-changes"),
    VETERANS("/api/veterans/entitled-persons/%s/benefit-changes");

    private final String changesPath;

    Programme(String changesPath) {
      this.changesPath = changesPath;
    }

    boolean hasBenefits() {
      return changesPath != null;
    }

    /** The REST path of the person's benefit changes (each names its death record and a timestamp). */
    String changesOf(String nationalIdNumber) {
      return changesPath.formatted(nationalIdNumber);
    }
  }

  /** A loaded person. */
  record Entry(Programme programme, Resident resident) {
  }

  private Manifest() {
  }

  static void write(Path file, Collection<Entry> entries) {
    List<String> lines = new ArrayList<>(entries.size());
    for (Entry e : entries) {
      Resident r = e.resident();
      lines.add(String.join(",", e.programme().name(), r.nationalIdNumber(), r.name(), r.sex().name(),
          r.birthDate().toString(), r.regionCode()));
    }
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, lines, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Entry> read(Path file) {
    if (!Files.exists(file)) {
      throw new IllegalStateException(file + " is missing: load the city first (deploy/demo/load-city.sh)");
    }
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream().map(line -> line.split(",")).map(f ->
          new Entry(Programme.valueOf(f[0]), new Resident(f[1], f[2], Sex.valueOf(f[3]), LocalDate.parse(f[4]), f[5])))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
