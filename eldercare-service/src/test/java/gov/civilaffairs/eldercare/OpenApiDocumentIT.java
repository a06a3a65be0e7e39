package gov.civilaffairs.eldercare;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every operation of this service's OpenAPI document has a summary, a description (which names its problem codes)
 * and an example for each path parameter, every request body has an example for each of its properties, and the
 * errors are documented as problem+json.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@EmbeddedKafka(partitions = 1)
@Import(FixedClockConfiguration.class)
class OpenApiDocumentIT extends EldercareTestSupport {

  @Test
  void everyOperationHasASummaryADescriptionAndExamples() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
        + "/v3/api-docs")).GET().build(), HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode document = JSON.readTree(response.body());
    JsonNode schemas = document.path("components").path("schemas");
    List<String> missing = new ArrayList<>();
    int operations = 0;
    for (Map.Entry<String, JsonNode> path : document.path("paths").properties()) {
      if (path.getKey().startsWith("/audit-entries") || path.getKey().equals("/error")) {
        continue; // the platform's endpoints, documented there
      }
      for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
        operations++;
        String name = operation.getKey().toUpperCase() + " " + path.getKey();
        JsonNode op = operation.getValue();
        if (op.path("summary").asString("").isBlank()) {
          missing.add(name + ": summary");
        }
        if (op.path("description").asString("").isBlank()) {
          missing.add(name + ": description");
        }
        for (String status : List.of("400", "401", "403")) {
          if (!op.path("responses").path(status).path("content").has("application/problem+json")) {
            missing.add(name + ": " + status + " as problem+json");
          }
        }
        if (op.path("description").asString("").contains("409")
            && !op.path("responses").path("409").path("content").has("application/problem+json")) {
          missing.add(name + ": 409 as problem+json");
        }
        for (JsonNode parameter : op.path("parameters")) {
          if ("path".equals(parameter.path("in").asString()) && !parameter.has("example")
              && !parameter.path("schema").has("example")) {
            missing.add(name + ": example of path parameter " + parameter.path("name").asString());
          }
        }
        JsonNode json = op.path("requestBody").path("content").path("application/json").path("schema");
        String ref = json.path("$ref").asString("");
        if (!ref.isEmpty()) {
          JsonNode schema = schemas.path(ref.substring(ref.lastIndexOf('/') + 1));
          for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
            JsonNode value = property.getValue();
            if (!value.has("example") && !value.has("$ref") && !value.has("examples")
                && !"array".equals(value.path("type").asString())) {
              missing.add(name + ": example of body property " + property.getKey());
            }
          }
        }
      }
    }
    assertThat(operations).isGreaterThan(50);
    assertThat(missing).isEmpty();
  }
}
