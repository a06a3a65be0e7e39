package gov.civilaffairs.relief.payment;

/**
 * The decision that created a roll line's amount, so that every line can be traced (issue 5: "every line
 * traceable to the decision that created it").
 *
 * <p>Kinds used by the minimum living allowance: {@code APPLICATION} (the confirmed application, id of
 * {@code allowance_application}), {@code HOUSEHOLD_REGISTRATION} (a household registered directly by
 * {@code POST /households}; id = household id), {@code ALLOWANCE_STANDARD} (a change of standard, id of
 * {@code allowance_standard}), {@code HOUSEHOLD_CHANGE} (periodic review or member change, id of
 * {@code household_change}), {@code DEATH_RECORD} (recomputation after a death, or arrears after its
 * revocation: registry's death record id), {@code PAYMENT_RETURN} (a line the bank returned as failed,
 * paid again: id of the failed roll line). {@code UNRECORDED} marks lines made before V30. Other schemes add
 * their own kinds.
 *
 * @param kind upper-case kind of decision
 * @param id the id of the decision record of that kind; null only for {@code UNRECORDED}
 */
public record DecisionReference(String kind, Long id) {

  public static DecisionReference of(String kind, long id) {
    return new DecisionReference(kind, id);
  }
}
