package gov.civilaffairs.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import gov.civilaffairs.bench.Gateway.Principal;
import gov.civilaffairs.bench.Gateway.Reply;
import gov.civilaffairs.bench.Manifest.Entry;
import gov.civilaffairs.bench.Manifest.Programme;
import tools.jackson.databind.JsonNode;

/**
 * Sends the day's demo feed and DCI message that {@link DemoFeed} wrote (as the data-sharing platform,
 * through the gateway), prints the per-row import report and, a few seconds later, the stopped
 * benefits of one person of the feed per programme, and the curl lines that read the same. Argument: the day (default today in
 * Asia/Shanghai).
 */
public final class DemoFeedSender {

  private DemoFeedSender() {
  }

  public static void main(String[] args) throws IOException {
    Settings settings = Settings.fromSystemProperties();
    LocalDate day = args.length > 0 ? LocalDate.parse(args[0]) : LocalDate.now(ZoneId.of("Asia/Shanghai"));
    Path feed = settings.dataDir().resolve("death-feed-" + day + ".csv");
    Path dci = settings.dataDir().resolve("dci-notify-" + day + ".json");
    Gateway gateway = new Gateway(settings);

    Reply imported = gateway.postCsv(Principal.DATA_SHARING_PLATFORM, "/api/registry/imports",
        Files.readString(feed, StandardCharsets.UTF_8));
    long importId = imported.ok() ? imported.body().get("id").asLong() : 0;
    if (imported.ok()) {
      printReport(gateway, importId, feed);
    } else {
      // 504: the gateway gave up (route response-timeout) while the registry goes on importing.
      System.out.printf("POST /api/registry/imports %s answered HTTP %d %s%n", feed.getFileName(), imported.status(),
          imported.body());
    }
    Reply ack = gateway.postJson(Principal.DATA_SHARING_PLATFORM, "/api/registry/registry/notify",
        Gateway.JSON.readTree(dci.toFile()));
    System.out.printf("DCI notify %s: HTTP %d %s%n", dci.getFileName(), ack.status(), ack.body());

    // One person of the feed per programme: the registry's view and the service's stopped benefits.
    Set<String> inFeed = Files.readAllLines(feed, StandardCharsets.UTF_8).stream().map(line -> line.split(",")[0])
        .collect(Collectors.toSet());
    Map<Programme, String> examples = new EnumMap<>(Programme.class);
    for (Entry e : Manifest.read(settings.manifest())) {
      if (e.programme().hasBenefits() && inFeed.contains(e.resident().nationalIdNumber())) {
        examples.putIfAbsent(e.programme(), e.resident().nationalIdNumber());
      }
    }
    Gateway.pause(Duration.ofSeconds(5));
    examples.forEach((programme, id) -> {
      for (String path : List.of("/api/registry/persons?nationalIdNumber=" + id, programme.changesOf(id))) {
        Reply reply = gateway.get(Principal.CITY_ADMIN, path);
        System.out.printf("GET %s -> %d %s%n", path, reply.status(), reply.body());
      }
    });
    String someone = examples.values().stream().findFirst().orElse("<national ID number>");
    System.out.printf("""

        Read the same through the gateway:
          TOKEN=$(curl -s -u staff-console:demo-staff-console-secret \\
            -d 'grant_type=password&username=city-admin&password=demo-staff-password' %s/oauth2/token | jq -r .access_token)
          curl -s -H "Authorization: Bearer $TOKEN" '%s/api/registry/imports/%d?size=1000' | jq '.counts, .rows[] | select(.outcome? != "ACCEPTED")'
          curl -s -H "Authorization: Bearer $TOKEN" '%s/api/registry/deaths/review-queue' | jq
          curl -s -H "Authorization: Bearer $TOKEN" '%s/api/eldercare/elderly-persons/%s/benefit-changes' | jq
        %n""", settings.authServer(), settings.gateway(), importId, settings.gateway(), settings.gateway(), someone);
  }

  /** The import's counts and every row that was not simply accepted. */
  private static void printReport(Gateway gateway, long importId, Path feed) {
    Reply report = gateway.get(Principal.CITY_ADMIN, "/api/registry/imports/" + importId + "?size=1000");
    System.out.printf("Import %d of %s: %s%n", importId, feed.getFileName(), report.body().get("counts"));
    for (JsonNode row : report.body().get("rows")) {
      if (!row.get("outcome").asString().equals("ACCEPTED")) {
        System.out.printf("  row %3d %-15s %s%n", row.get("rowNo").asInt(), row.get("outcome").asString(),
            row.path("reason").asString(""));
      }
    }
  }
}
