package gov.civilaffairs.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import gov.civilaffairs.bench.CityPeople.Resident;
import gov.civilaffairs.bench.Manifest.Entry;
import gov.civilaffairs.platform.idnumber.NationalIdNumber;

/**
 * A day's death feed of the municipal data-sharing platform (registry-service's import format,
 * {@code importing.DeathFeed}: {@code national_id_number,name,date_of_death,source,source_reference,time_of_death})
 * of about 300 loaded persons, with what a real day brings: the same row twice, a second source for a
 * death already in the file, an ID number with a lowercase x, a wrong check character, a name that
 * disagrees with the person index, a death date in the future, a person not in the index. Also one
 * DCI CRVS notify message ({@code /registry/notify}, dci-crvs-api-v1.0.0.yaml) for one more person.
 * The persons chosen are listed in {@code deceased.txt} so that the benchmark does not pick them.
 */
final class DemoFeed {

  static final String HEADER = "national_id_number,name,date_of_death,source,source_reference,time_of_death";
  static final int ORDINARY_ROWS = 290;

  private DemoFeed() {
  }

  static void write(Settings settings, List<Entry> city, LocalDate today) {
    Random random = new Random(settings.seed() + 1);
    List<Resident> pool = new ArrayList<>(city.stream().map(Entry::resident).toList());
    Collections.shuffle(pool, random);
    Resident withX = pool.stream().filter(r -> r.nationalIdNumber().endsWith("X")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no loaded ID number ends in X"));
    pool.remove(withX);
    List<Resident> chosen = pool.subList(0, Math.min(ORDINARY_ROWS + 4, pool.size()));
    LocalDate yesterday = today.minusDays(1);
    List<String> rows = new ArrayList<>();
    rows.add(HEADER);
    for (int i = 0; i < chosen.size() - 4; i++) {
      rows.add(row(chosen.get(i), yesterday.minusDays(i % 3), "HUKOU_CANCELLATION", "PSB-" + today + "-" + i));
    }
    // The same row twice (DUPLICATE), and a second source for the same death (attached, not republished).
    rows.add(rows.get(1));
    Resident first = chosen.get(0);
    rows.add(row(first, yesterday, "MEDICAL_CERTIFICATE", "MED-" + today + "-0"));
    rows.add(row(new Resident(withX.nationalIdNumber().toLowerCase(Locale.ROOT), withX.name(), withX.sex(),
        withX.birthDate(), withX.regionCode()), yesterday, "CREMATION", "CRE-" + today + "-x"));
    Resident wrongCheck = chosen.get(chosen.size() - 4);
    String number = wrongCheck.nationalIdNumber();
    char wrong = NationalIdNumber.checkCharacter(number.substring(0, 17)) == '1' ? '2' : '1';
    rows.add(row(wrongCheck, number.substring(0, 17) + wrong, wrongCheck.name(), yesterday, "HUKOU_CANCELLATION",
        "PSB-" + today + "-check"));
    Resident misnamed = chosen.get(chosen.size() - 3);
    rows.add(row(misnamed, misnamed.nationalIdNumber(), misnamed.name().substring(0, 1) + "某某", yesterday,
        "HUKOU_CANCELLATION", "PSB-" + today + "-name"));
    Resident future = chosen.get(chosen.size() - 2);
    rows.add(row(future, today.plusDays(3), "HUKOU_CANCELLATION", "PSB-" + today + "-future"));
    String unknown = "33068119000101001";
    rows.add(unknown + NationalIdNumber.checkCharacter(unknown) + ",查无此人," + yesterday + ",HUKOU_CANCELLATION,PSB-"
        + today + "-unknown,");
    Resident notified = chosen.get(chosen.size() - 1);

    Path feed = settings.dataDir().resolve("death-feed-" + today + ".csv");
    Path dci = settings.dataDir().resolve("dci-notify-" + today + ".json");
    try {
      Files.createDirectories(settings.dataDir());
      Files.write(feed, rows, StandardCharsets.UTF_8);
      Files.writeString(dci, Gateway.JSON.writerWithDefaultPrettyPrinter()
          .writeValueAsString(dciNotify(notified, yesterday, today)), StandardCharsets.UTF_8);
      List<String> taken = new ArrayList<>(chosen.stream().map(Resident::nationalIdNumber).toList());
      taken.add(withX.nationalIdNumber());
      Files.write(settings.deceased(), taken.stream().sorted(Comparator.naturalOrder()).toList(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.printf("Wrote the day's feed %s (%d rows) and the DCI notify message %s%n", feed, rows.size() - 1, dci);
  }

  private static String row(Resident r, LocalDate date, String source, String reference) {
    return row(r, r.nationalIdNumber(), r.name(), date, source, reference);
  }

  private static String row(Resident r, String number, String name, LocalDate date, String source, String reference) {
    return String.join(",", number, name, date.toString(), source, reference, "");
  }

  /** The envelope of DciNotifyIT / the spec: header (action notify) and one Death NotifyEvent. */
  private static Map<String, Object> dciNotify(Resident r, LocalDate dateOfDeath, LocalDate today) {
    String timestamp = today + "T08:00:00+08:00";
    return Map.of(
        "signature", "Signature: namespace=\"spdci\"",
        "header", Map.of("version", "1.0.0", "message_id", "demo-" + today, "message_ts", timestamp,
            "action", "notify", "status", "succ", "sender_id", "crvs.zhuji.example.gov.cn", "total_count", 1),
        "message", Map.of("transaction_id", "demo-t-" + today, "notify_event", List.of(Map.of(
            "reference_id", "DCI-" + r.nationalIdNumber(), "timestamp", timestamp,
            "data", Map.of("version", "1.0.0", "reg_type", "ns:org:RegistryType:Civil",
                "reg_event_type", "spdci-common:RegistryEventType:Death", "reg_record_type", "CRVS_Person",
                "reg_records", Map.of(
                    "identifier", Map.of("identifier_type", "UIN", "identifier_value", r.nationalIdNumber()),
                    "name", Map.of("surname", r.name().substring(0, 1), "given_name", r.name().substring(1)),
                    "death_date", dateOfDeath.toString()))))));
  }
}
