package gov.civilaffairs.relief.allowance;

/** A member's relation to the head of the household (与户主关系), as recorded at registration. */
public enum Relation {
  /** The head of the household (户主本人). Exactly one member of a new household has it. */
  HEAD,
  SPOUSE,
  CHILD,
  PARENT,
  GRANDCHILD,
  GRANDPARENT,
  SIBLING,
  OTHER
}
