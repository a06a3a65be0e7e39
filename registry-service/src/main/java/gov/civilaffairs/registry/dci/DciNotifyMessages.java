package gov.civilaffairs.registry.dci;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

/**
 * The parts of the DCI CRVS API v1.0.0 notify message the registry reads and answers
 * ({@code /work/shared/specs/dci-crvs-api-v1.0.0.yaml}: {@code /registry/notify}, schemas
 * {@code MsgCallbackHeader_V1.0.0}, {@code NotifyEventRequest}, response {@code Response}). Unknown
 * members are ignored (tolerant reader).
 */
final class DciNotifyMessages {

  private DciNotifyMessages() {
  }

  /** The envelope: signature (not yet verified, see the controller), header and message. */
  record Envelope(String signature, @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Header header,
      NotifyEventRequest message) {
  }

  /** {@code MsgCallbackHeader_V1.0.0}: action must be {@code notify}. */
  record Header(String version, @JsonProperty("message_id") String messageId,
      @JsonProperty("message_ts") String messageTs, String action, String status,
      @JsonProperty("sender_id") String senderId, @JsonProperty("receiver_id") String receiverId,
      @JsonProperty("is_msg_encrypted") Boolean isMsgEncrypted) {
  }

  /** {@code NotifyEventRequest}. */
  record NotifyEventRequest(@JsonProperty("transaction_id") String transactionId,
      @JsonProperty("notify_event") List<NotifyEvent> notifyEvent) {
  }

  /** One notified event: {@code reference_id} identifies it at the sender (our source reference). */
  record NotifyEvent(@JsonProperty("reference_id") String referenceId, String timestamp, EventData data) {
  }

  /**
   * The event's data. {@code reg_event_type} names the vital event (for a death
   * {@code spdci-common:RegistryEventType:Death} or {@code Death}); {@code reg_records} is a CRVS Person
   * ({@code identifier}, {@code name}, {@code death_date}, ...).
   */
  record EventData(String version, @JsonProperty("reg_type") String regType,
      @JsonProperty("reg_event_type") String regEventType, @JsonProperty("reg_record_type") String regRecordType,
      @JsonProperty("reg_records") JsonNode regRecords) {
  }

  /** The spec's acknowledgement: {@code {"message": {...}}}. */
  record Acknowledgement(Ack message) {
  }

  /** ack_status ACK, NACK or ERR; timestamp ISO 8601 with zone; error only with ERR. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record Ack(@JsonProperty("ack_status") String ackStatus, String timestamp,
      @JsonProperty("correlation_id") String correlationId, Error error) {
  }

  /** The spec's {@code Error}: a code of its enumeration and a message (at most 999 characters). */
  record Error(String code, String message) {
  }
}
