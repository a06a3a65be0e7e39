package gov.civilaffairs.veterans.certificate;

/**
 * Kinds of documents that prove an entitled person's category (认定依据). Which a category needs is
 * {@link CertificatePolicy#requiredEvidence()}.
 */
public enum EvidenceType {
  /** 退出现役证明 / 退伍证. */
  DISCHARGE_CERTIFICATE,
  /** 残疾等级评定审批表: the disability assessment with grade and cause. */
  DISABILITY_ASSESSMENT,
  /** 烈士评定批准文件. */
  MARTYR_APPROVAL,
  /** 因公牺牲 / 病故 批准文件 issued by the military. */
  DEATH_APPROVAL,
  /** 亲属关系证明 (户口簿, 公证书): the survivor's relation to the soldier. */
  KINSHIP_PROOF,
  /** 参战证明 (档案记载). */
  WAR_PARTICIPATION_PROOF,
  /** 参试证明 (档案记载). */
  NUCLEAR_TEST_PROOF,
  /**
   * 下岗失业证明 / 企业破产、改制证明: proves that a disabled veteran lost their job, for the work-injury and
   * social-insurance subsidies of laid-off disabled veterans.
   */
  LAYOFF_PROOF,
  /** 档案记载: another entry of the personnel file. */
  ARCHIVE_RECORD,
  /** Anything else; the reference says what it is. */
  OTHER
}
