package io.dltrigger.generator.validation;

/**
 * The 14 high-level features, in the reference order ({@code FeaturesTableContract.HLF_NAMES}), as computed by
 * this module's independent reference implementation. {@code mt} is the reference's form
 * 2 MET pT (1 - cos dphi), without the square root; {@link #trueMt()} is the transverse mass proper.
 */
public record HighLevelFeatures(
        double ht,
        double met,
        double phiMet,
        double mt,
        int nJets,
        int nBjets,
        double lepPt,
        double lepEta,
        double lepPhi,
        double lepIsoCh,
        double lepIsoGamma,
        double lepIsoNeu,
        int lepCharge,
        boolean lepIsEle) {

    public double trueMt() {
        return Math.sqrt(Math.max(0, mt));
    }

    public double isolation() {
        return lepIsoCh + lepIsoGamma + lepIsoNeu;
    }

    public double[] toArray() {
        return new double[] {
            ht,
            met,
            phiMet,
            mt,
            nJets,
            nBjets,
            lepPt,
            lepEta,
            lepPhi,
            lepIsoCh,
            lepIsoGamma,
            lepIsoNeu,
            lepCharge,
            lepIsEle ? 1 : 0
        };
    }
}
