package gov.civilaffairs.eldercare.card;

import java.time.Instant;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import gov.civilaffairs.eldercare.events.CardRevoked;
import gov.civilaffairs.eldercare.events.EldercareEvents;
import gov.civilaffairs.eldercare.person.ElderlyPerson;
import gov.civilaffairs.eldercare.person.ElderlyPersonStatus;
import gov.civilaffairs.eldercare.person.PersonDeath;
import gov.civilaffairs.platform.security.RegionScope;
import gov.civilaffairs.platform.time.BureauClock;
import gov.civilaffairs.platform.web.ProblemException;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The elderly card (老年证) and the free-transit card (老年人免费乘车IC卡) of elderly persons: issue, and
 * revoke or re-instate them when a death record applies or is revoked. Every change of a transit card's
 * status is also recorded as a notification for the transit-card system.
 */
@Service
public class Cards {

  private final CardRepository repository;
  private final TransitCardProperties transitCard;
  private final BureauClock clock;
  private final EldercareEvents events;

  Cards(CardRepository repository, TransitCardProperties transitCard, BureauClock clock,
      EldercareEvents events) {
    this.repository = repository;
    this.events = events;
    this.transitCard = transitCard;
    this.clock = clock;
  }

  /**
   * Issues a card today (Asia/Shanghai).
   *
   * @param cardNumber the number of the physical card handed out
   * @throws ProblemException 422 {@code person-deceased} for a deceased holder, 422 {@code under-transit-card-age}
   *     for a transit card to a person under {@code eldercare.transit-card.minimum-age}, 409
   *     {@code card-already-issued} when the person already holds that kind of card, 409 {@code duplicate} for a
   *     card number in use
   */
  @Transactional
  public Card issue(ElderlyPerson holder, CardKind kind, String cardNumber) {
    if (holder.status() == ElderlyPersonStatus.DECEASED) {
      throw ProblemException.unprocessable("person-deceased", "No card is issued to a deceased person.");
    }
    int age = Period.between(holder.birthDate(), clock.today()).getYears();
    if (kind == CardKind.TRANSIT_CARD && age < transitCard.minimumAge()) {
      throw ProblemException.unprocessable("under-transit-card-age", "The person is " + age
          + "; the free-transit card is for persons of " + transitCard.minimumAge() + " or older (city policy).");
    }
    if (repository.findByPerson(holder.id()).stream().anyMatch(card -> card.kind() == kind)) {
      throw ProblemException.conflict("card-already-issued", "The person already holds a card of kind " + kind
          + "; a lost card is replaced, not issued twice.");
    }
    return repository.insert(holder.id(), kind, cardNumber, clock.today());
  }

  /** Why a card is replaced. */
  public enum ReplacementReason {
    /** 遗失 */
    LOST,
    /** 损坏 */
    DAMAGED
  }

  /**
   * Replaces the person's ISSUED card of this kind by a new card number today (补办); the old number stops being
   * valid (a transit card's old number is listed BLOCKED in the daily file).
   *
   * @throws ProblemException 404 {@code no-card} when the person holds no such card, 409 {@code card-not-issued}
   *     for a revoked card, 409 {@code duplicate} for a card number in use, 422 {@code same-number}
   */
  @Transactional
  public Card replace(ElderlyPerson holder, CardKind kind, String newNumber, ReplacementReason reason) {
    Card card = repository.findByPerson(holder.id()).stream().filter(c -> c.kind() == kind).findFirst()
        .orElseThrow(() -> new ProblemException(org.springframework.http.HttpStatus.NOT_FOUND, "no-card",
            "The person holds no card of kind " + kind + "; issue one first."));
    if (card.status() != CardStatus.ISSUED) {
      throw ProblemException.conflict("card-not-issued", "The card is " + card.status() + "; it cannot be replaced.");
    }
    if (card.cardNumber().equals(newNumber)) {
      throw ProblemException.unprocessable("same-number", "cardNumber is the number of the card replaced.");
    }
    repository.replaceNumber(card.id(), card.cardNumber(), newNumber, reason.name(), clock.today());
    return repository.findByPerson(holder.id()).stream().filter(c -> c.id() == card.id()).findFirst().orElseThrow();
  }

  /** The person's cards, in order of issue. */
  public List<Card> of(ElderlyPerson holder) {
    return repository.findByPerson(holder.id());
  }

  /**
   * Revokes the person's issued cards because of a death record, tells the transit-card system and publishes
   * {@link CardRevoked} for each card through the outbox.
   *
   * @return the cards revoked (as they were before), none if the person held no issued card
   */
  @Transactional
  public List<Card> revokeForDeath(ElderlyPerson holder, long deathRecordId) {
    List<Card> issued = repository.findByPerson(holder.id()).stream()
        .filter(card -> card.status() == CardStatus.ISSUED).toList();
    for (Card card : issued) {
      repository.revoke(card.id(), deathRecordId);
      notifyTransitSystem(card, TransitCardNotification.Kind.REVOCATION, deathRecordId);
      events.cardRevoked(new CardRevoked(UUID.randomUUID(), holder.id(), card.id(), card.kind().name(),
          card.cardNumber(), CardRevoked.DEATH, deathRecordId, clock.now()));
    }
    return issued;
  }

  /**
   * {@link #revokeForDeath} for a poll's deaths at once (issue 4), with the same rows and events: one query reads
   * the persons' cards, one UPDATE revokes the issued ones (locked in id order), one multi-row INSERT records the
   * transit-card notifications; the events are published person by person in the order of {@code deaths}, each
   * person's cards in order of issue.
   *
   * @param deaths of distinct persons
   * @return person id to the cards revoked (as they were before), in order of issue; persons who held no issued
   *     card are absent
   */
  @Transactional
  public Map<Long, List<Card>> revokeForDeaths(List<PersonDeath> deaths) {
    Map<Long, List<Card>> issued = new HashMap<>();
    for (Card card : repository.issuedOf(deaths.stream().map(death -> death.person().id()).toList())) {
      issued.computeIfAbsent(card.personId(), person -> new ArrayList<>()).add(card);
    }
    Map<Long, Long> revocations = new TreeMap<>();
    List<CardRepository.NewNotification> notifications = new ArrayList<>();
    Instant now = clock.now();
    for (PersonDeath death : deaths) {
      for (Card card : issued.getOrDefault(death.person().id(), List.of())) {
        revocations.put(card.id(), death.deathRecordId());
        if (card.kind() == CardKind.TRANSIT_CARD) {
          notifications.add(new CardRepository.NewNotification(card.id(), TransitCardNotification.Kind.REVOCATION,
              death.deathRecordId()));
        }
        events.cardRevoked(new CardRevoked(UUID.randomUUID(), death.person().id(), card.id(),
            card.kind().name(), card.cardNumber(), CardRevoked.DEATH, death.deathRecordId(), now));
      }
    }
    repository.revokeAll(revocations);
    repository.insertNotifications(notifications, now);
    return issued;
  }

  /**
   * Re-instates the cards that this death record revoked (cards revoked for another reason stay revoked),
   * and tells the transit-card system.
   *
   * @return the cards re-instated
   */
  @Transactional
  public List<Card> reinstateAfterRevocation(ElderlyPerson holder, long deathRecordId) {
    List<Card> revoked = repository.findByPerson(holder.id()).stream()
        .filter(card -> card.status() == CardStatus.REVOKED)
        .filter(card -> Long.valueOf(deathRecordId).equals(card.revokedByDeathRecordId())).toList();
    for (Card card : revoked) {
      repository.reinstate(card.id());
      notifyTransitSystem(card, TransitCardNotification.Kind.REINSTATEMENT, deathRecordId);
    }
    return revoked;
  }

  /**
   * Notifications the transit-card system has not been sent yet, of holders within {@code area} (filtered in
   * SQL), oldest first, after {@code afterId}.
   */
  public List<TransitCardNotification> pendingNotifications(RegionScope area, long afterId, int size) {
    return repository.pendingNotifications(area, afterId, size);
  }

  private void notifyTransitSystem(Card card, TransitCardNotification.Kind kind, long deathRecordId) {
    if (card.kind() == CardKind.TRANSIT_CARD) {
      repository.insertNotification(card.id(), kind, deathRecordId, clock.now());
    }
  }
}
