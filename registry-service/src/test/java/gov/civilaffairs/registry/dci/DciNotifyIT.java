package gov.civilaffairs.registry.dci;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import gov.civilaffairs.registry.RegistryIntegrationTest;
import org.junit.jupiter.api.Test;

/** DCI CRVS notify: a death event becomes a death record and is acknowledged in the spec's shape. */
class DciNotifyIT extends RegistryIntegrationTest {

  @Test
  void aDeathNotificationIsAcknowledgedAndRecorded() throws Exception {
    String idNumber = newIdNumber();
    createPerson(idNumber, "欧阳明");

    HttpResponse<String> response = post(POLICE, "/registry/notify", envelope("notify", idNumber, "2025-06-30T23:30:00+08:00"));

    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    assertThat(json(response).at("/message/ack_status").asString()).isEqualTo("ACK");
    assertThat(json(response).at("/message/correlation_id").asString()).isNotBlank();
    assertThat(json(response).at("/message/timestamp").asString()).isNotBlank();
    Map<String, Object> row = jdbc.queryForMap(
        "SELECT r.status, r.date_of_death, s.source FROM death_record r JOIN death_record_source s ON s.death_record_id = r.id "
            + "WHERE s.source_reference = ?", "DCI-" + idNumber);
    assertThat(row).containsEntry("status", "CONFIRMED").containsEntry("source", "HUKOU_CANCELLATION");
    assertThat(row.get("date_of_death").toString()).isEqualTo("2025-06-30");

    HttpResponse<String> again = post(POLICE, "/registry/notify", envelope("notify", idNumber, "2025-06-30T23:30:00+08:00"));
    assertThat(json(again).at("/message/ack_status").asString()).isEqualTo("ACK");
    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM death_record WHERE national_id_number = ?", Integer.class,
        idNumber)).isEqualTo(1);
    String recordId = String.valueOf(jdbc.queryForObject("SELECT id FROM death_record WHERE national_id_number = ?",
        Long.class, idNumber));
    assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE object_type = 'death-record' AND object_id = ? "
        + "AND actor_id = 'police'", String.class, recordId))
        .as("one entry for the record the first message created; the repeated message changed nothing")
        .containsExactly("CREATE");
  }

  @Test
  void anInvalidMessageIsAnsweredErr() throws Exception {
    HttpResponse<String> response = post(POLICE, "/registry/notify", envelope("search", newIdNumber(), "2025-06-30"));

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(json(response).at("/message/ack_status").asString()).isEqualTo("ERR");
    assertThat(json(response).at("/message/error/code").asString()).isEqualTo("err.request.bad");
  }

  private static Map<String, Object> envelope(String action, String idNumber, String deathDate) {
    return Map.of(
        "signature", "Signature: namespace=\"spdci\"",
        "header", Map.of("version", "1.0.0", "message_id", "m-" + idNumber, "message_ts", "2025-07-01T08:00:00+08:00",
            "action", action, "status", "succ", "sender_id", "crvs.zhuji.example.gov.cn", "total_count", 1),
        "message", Map.of("transaction_id", "t-" + idNumber, "notify_event", List.of(Map.of(
            "reference_id", "DCI-" + idNumber, "timestamp", "2025-07-01T08:00:00+08:00",
            "data", Map.of("version", "1.0.0", "reg_type", "ns:org:RegistryType:Civil",
                "reg_event_type", "spdci-common:RegistryEventType:Death", "reg_record_type", "CRVS_Person",
                "reg_records", Map.of(
                    "identifier", Map.of("identifier_type", "UIN", "identifier_value", idNumber),
                    "name", Map.of("surname", "欧阳", "given_name", "明"),
                    "death_date", deathDate))))));
  }
}
