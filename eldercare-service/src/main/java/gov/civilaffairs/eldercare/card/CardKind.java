package gov.civilaffairs.eldercare.card;

/** The cards the bureau issues to elderly persons; a person holds at most one of each. */
public enum CardKind {
  /** 老年证: proof of age for the discounts and services of elderly persons, from 60. */
  ELDERLY_CARD,
  /** 老年人免费乘车IC卡: free public transit, from the city's age ({@code eldercare.transit-card.minimum-age}). */
  TRANSIT_CARD
}
