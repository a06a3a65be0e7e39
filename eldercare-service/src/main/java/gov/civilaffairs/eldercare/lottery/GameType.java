package gov.civilaffairs.eldercare.lottery;

/** The welfare lottery's game types (福利彩票). */
public enum GameType {
  /** 电脑票 (computer-drawn games such as 双色球, 3D). */
  COMPUTER_DRAW,
  /** 中福在线 (video lottery). */
  VIDEO_LOTTERY,
  /** 即开型 / 刮刮乐 (instant, scratch cards). */
  INSTANT
}
