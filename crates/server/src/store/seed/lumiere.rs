//! The demo partner's six weeks in the program, day by day: each deal it registered since
//! joining, with a customer, contact and request of its own, and where each one went. Every
//! step is dated from the join date (and clamped to "now"), so the story never goes stale.

use api_types::DealStatus;

/// What became of a deal, with the channel team's (or the partner's) words.
#[derive(Clone, Copy)]
pub(super) enum Outcome {
    /// Registered in the last day or two, not yet looked at.
    Submitted,
    /// The channel team is looking at it (within the promised two business days).
    UnderReview,
    /// The channel team asked this question; the partner has not answered yet.
    Asked(&'static str),
    /// Protected; the customer expects to close this many days from today.
    Approved { closes_in: i64 },
    /// Not accepted, with the reason.
    Rejected(&'static str),
    /// Won this many days after approval.
    Won { after: i64 },
    /// Lost this many days after approval, with the reason.
    Lost { after: i64, why: &'static str },
    /// Taken back by the partner this many days after approval, with the reason.
    Withdrawn { after: i64, why: &'static str },
}

impl Outcome {
    /// The status the deal ends in.
    pub(super) fn status(self) -> DealStatus {
        match self {
            Self::Submitted => DealStatus::Submitted,
            Self::UnderReview => DealStatus::UnderReview,
            Self::Asked(_) => DealStatus::MoreInfoRequested,
            Self::Approved { .. } => DealStatus::Approved,
            Self::Rejected(_) => DealStatus::Rejected,
            Self::Won { .. } => DealStatus::Won,
            Self::Lost { .. } => DealStatus::Lost,
            Self::Withdrawn { .. } => DealStatus::Withdrawn,
        }
    }
}

/// One registration: the day after joining it was made, who made it, the customer (name,
/// country, currency, value in major units), the contact (name, e-mail, phone), products, the
/// partner's note, and what became of it.
pub(super) struct DemoDeal {
    pub day: i64,
    pub by_theo: bool,
    pub customer: (&'static str, &'static str, &'static str, i64),
    pub contact: (&'static str, &'static str, &'static str),
    pub products: &'static [&'static str],
    pub note: Option<&'static str>,
    pub outcome: Outcome,
}

const fn deal(
    day: i64,
    customer: (&'static str, &'static str, &'static str, i64),
    contact: (&'static str, &'static str, &'static str),
    products: &'static [&'static str],
    note: Option<&'static str>,
    outcome: Outcome,
) -> DemoDeal {
    DemoDeal {
        day,
        by_theo: day % 4 == 1,
        customer,
        contact,
        products,
        note,
        outcome,
    }
}

use Outcome::*;

/// The channel team's words when approving, in turn (the program protects for 90 days).
pub(super) const APPROVALS: [&str; 4] = [
    "Protected for 90 days. Good luck!",
    "Approved: no other partner has registered this customer.",
    "Approved. Loop in Dana if the customer asks for a proof of concept.",
    "Protected. The customer's renewal with their current supplier ends in March, so timing is good.",
];

/// What Lumière registered, in the order it happened (day 0 is the day it joined).
#[rustfmt::skip]
pub(super) const DEALS: [DemoDeal; 40] = [
    deal(2, ("Hôtel Beaumont SA", "FR", "EUR", 12_400), ("Élodie Martin", "elodie.martin@hotel-beaumont.example", "+33 1 42 68 53 10"), &["NW-CLOUD", "NW-BACKUP"], Some("Existing customer of ours moving 40 servers off their own hardware."), Won { after: 9 }),
    deal(3, ("Brasserie du Nord", "BE", "EUR", 8_700), ("Pieter Janssens", "pieter.janssens@brasseriedunord.example", "+32 2 512 34 56"), &["NW-BACKUP"], None, Lost { after: 12, why: "The customer renewed with their current backup supplier for one more year." }),
    deal(4, ("Crédit Régional", "FR", "EUR", 18_900), ("François Petit", "f.petit@credit-regional.example", "+33 4 72 10 22 31"), &["NW-SEC", "NW-CLOUD"], Some("Security review passed; their CISO wants Secure Access for 300 staff."), Won { after: 14 }),
    deal(5, ("Société Générale d'Électricité", "FR", "EUR", 64_000), ("Chloé Lefèvre", "chloe.lefevre@sge-electricite.example", "+33 1 53 40 77 02"), &["NW-DATA"], None, Rejected("This customer is served directly by Northwind's enterprise team; we will introduce you for services work.")),
    deal(6, ("Pharmacie Centrale", "FR", "EUR", 9_600), ("Nathalie Roux", "n.roux@pharmacie-centrale.example", "+33 4 91 55 12 08"), &["NW-BACKUP"], Some("Twelve pharmacies, one backup contract."), Won { after: 6 }),
    deal(7, ("Université de Grenoble", "FR", "EUR", 72_000), ("Luc Bernard", "luc.bernard@univ-grenoble.example", "+33 4 76 82 40 00"), &["NW-CLOUD", "NW-DATA"], Some("Public tender; the award is expected after the summer."), Approved { closes_in: 120 }),
    deal(8, ("Groupe Pâtisserie Fine", "FR", "EUR", 6_200), ("Camille Girard", "camille.girard@patisserie-fine.example", "+33 1 45 48 21 90"), &["NW-EDGE"], None, Lost { after: 15, why: "The project was cancelled after a change of management." }),
    deal(9, ("Müller Logistik GmbH", "DE", "EUR", 27_500), ("Jonas Müller", "jonas.mueller@mueller-logistik.example", "+49 40 3098 4521"), &["NW-EDGE", "NW-CLOUD"], Some("Edge Gateways for six warehouses near Hamburg."), Won { after: 11 }),
    deal(10, ("Café Olé SARL", "FR", "EUR", 4_800), ("Inès Moreau", "ines.moreau@cafe-ole.example", "+33 5 56 44 19 73"), &["NW-BACKUP"], None, Approved { closes_in: 24 }),
    deal(11, ("Écoles de Lyon", "FR", "EUR", 15_300), ("Sophie Lambert", "sophie.lambert@ecoles-lyon.example", "+33 4 78 62 30 15"), &["NW-SEC"], Some("Pilot in three schools first."), Withdrawn { after: 11, why: "The city moved the budget to next year; we will register it again then." }),
    deal(12, ("Zürich Versicherungs-Gruppe", "CH", "CHF", 15_200), ("Reto Keller", "reto.keller@zvg-versicherung.example", "+41 44 668 18 00"), &["NW-SEC"], None, Won { after: 8 }),
    deal(13, ("Renée & Fils", "FR", "EUR", 5_400), ("Renée Blanc", "renee.blanc@renee-fils.example", "+33 2 40 35 66 81"), &["NW-CLOUD"], None, Approved { closes_in: 31 }),
    deal(14, ("Bäckerei Schröder", "DE", "EUR", 7_900), ("Jürgen Schröder", "juergen.schroeder@baeckerei-schroeder.example", "+49 221 4710 3382"), &["NW-BACKUP"], None, Lost { after: 9, why: "The customer chose a cheaper local provider." }),
    deal(15, ("Thalès Maritime", "FR", "EUR", 21_800), ("Yann Le Goff", "yann.legoff@thales-maritime.example", "+33 2 98 43 71 20"), &["NW-EDGE", "NW-SEC"], Some("Gateways on 14 vessels; satellite links only."), Won { after: 10 }),
    deal(16, ("Niño Salud S.L.", "ES", "EUR", 33_000), ("María José García", "mariajose.garcia@ninosalud.example", "+34 912 345 678"), &["NW-CLOUD", "NW-SUPPORT"], Some("Spanish subsidiary of an existing French customer."), Approved { closes_in: 45 }),
    deal(17, ("Ørsted Consulting ApS", "DK", "EUR", 11_000), ("Søren Nielsen", "soren.nielsen@orsted-consulting.example", "+45 33 12 34 56"), &["NW-DATA"], None, Rejected("Another partner registered this customer in September; their protection runs until December.")),
    deal(18, ("Côte d'Azur Hotels", "FR", "EUR", 26_400), ("Julien Fabre", "julien.fabre@cotedazur-hotels.example", "+33 4 93 87 12 44"), &["NW-CLOUD", "NW-BACKUP"], None, Approved { closes_in: 38 }),
    deal(19, ("Saint-Étienne Métropole", "FR", "EUR", 31_000), ("Marc Vidal", "marc.vidal@saint-etienne-metropole.example", "+33 4 77 48 77 00"), &["NW-SEC", "NW-SUPPORT"], Some("Framework agreement; first order signed, more to follow."), Won { after: 7 }),
    deal(20, ("London Harbour Trust", "GB", "GBP", 22_000), ("Hannah O'Brien", "hannah.obrien@londonharbour.example", "+44 20 7946 0123"), &["NW-EDGE"], None, Approved { closes_in: 52 }),
    deal(21, ("Öresund Shipping AB", "SE", "EUR", 17_600), ("Björn Lindqvist", "bjorn.lindqvist@oresund-shipping.example", "+46 8 123 456 78"), &["NW-CLOUD"], None, Asked("Which of their entities signs: the Swedish AB or the Danish parent? Please add the purchasing contact.")),
    deal(22, ("Łódź Manufaktura Sp. z o.o.", "PL", "EUR", 19_500), ("Zofia Kowalska", "zofia.kowalska@lodz-manufaktura.example", "+48 42 633 12 45"), &["NW-EDGE", "NW-DATA"], Some("Factory floor sensors; a proof of concept is running."), Approved { closes_in: 130 }),
    deal(23, ("Mañana Foods S.A.", "ES", "EUR", 9_900), ("Javier Ruiz", "javier.ruiz@mananafoods.example", "+34 933 456 210"), &["NW-BACKUP"], None, Approved { closes_in: 27 }),
    deal(25, ("Kraków Tech Park", "PL", "EUR", 14_200), ("Piotr Wiśniewski", "piotr.wisniewski@krakowtechpark.example", "+48 12 345 67 89"), &["NW-CLOUD", "NW-SEC"], None, Approved { closes_in: 60 }),
    deal(27, ("株式会社東京データ (Tokyo Data K.K.)", "JP", "JPY", 4_200_000), ("佐藤 健 (Ken Sato)", "ken.sato@tokyo-data.example", "+81 3-5210-4471"), &["NW-DATA"], Some("Japanese arm of a French customer; billed in yen."), Rejected("Japanese customers are registered through Sakura Systems, our distributor for Japan.")),
    deal(28, ("Dvořák Audio s.r.o.", "CZ", "EUR", 7_300), ("Tomáš Dvořák", "tomas.dvorak@dvorak-audio.example", "+420 224 123 456"), &["NW-BACKUP", "NW-SUPPORT"], None, Approved { closes_in: 41 }),
    deal(29, ("Istanbul Ölçüm A.Ş.", "TR", "USD", 16_500), ("Ayşe Yılmaz", "ayse.yilmaz@istanbul-olcum.example", "+90 212 123 45 67"), &["NW-EDGE"], None, Asked("Is this for the Istanbul plant only, or also Izmir? The value suggests both.")),
    deal(30, ("Björk Design Studio", "SE", "EUR", 5_100), ("Elin Björk", "elin.bjork@bjorkdesign.example", "+46 31 711 20 45"), &["NW-CLOUD"], None, Approved { closes_in: 19 }),
    deal(32, ("Ålesund Fiskeri AS", "NO", "EUR", 23_700), ("Ingrid Aasen", "ingrid.aasen@alesund-fiskeri.example", "+47 70 12 34 56"), &["NW-EDGE", "NW-BACKUP"], Some("Fleet of trawlers; they want offline backup at sea."), Approved { closes_in: 66 }),
    deal(33, ("Lycée Jean Moulin", "FR", "EUR", 6_800), ("Paul Garnier", "paul.garnier@lycee-jeanmoulin.example", "+33 3 20 55 41 02"), &["NW-SEC"], None, Approved { closes_in: 35 }),
    deal(34, ("Boston Bay Clinics", "US", "USD", 41_000), ("Emily Carter", "emily.carter@bostonbayclinics.example", "+1 617 555 0142"), &["NW-CLOUD", "NW-DATA", "NW-SUPPORT"], Some("US clinics of a French medical group; HIPAA hosting needed."), Asked("Please confirm the US entity's legal name and whether the French group signs.")),
    deal(35, ("Transports Girard", "FR", "EUR", 12_900), ("Hélène Girard", "helene.girard@transports-girard.example", "+33 3 88 21 40 67"), &["NW-EDGE"], None, Approved { closes_in: 48 }),
    deal(36, ("Clinique Saint-Roch", "FR", "EUR", 28_600), ("Dr Antoine Mercier", "a.mercier@clinique-saintroch.example", "+33 4 67 61 88 00"), &["NW-SEC", "NW-BACKUP"], Some("Ransomware last spring; the board wants offsite backup and MFA."), Approved { closes_in: 29 }),
    deal(37, ("Vignobles Castel", "FR", "EUR", 8_300), ("Margaux Castel", "margaux.castel@vignobles-castel.example", "+33 5 57 24 31 90"), &["NW-CLOUD"], None, Approved { closes_in: 57 }),
    deal(38, ("Mairie de Villeurbanne", "FR", "EUR", 19_800), ("Karim Haddad", "karim.haddad@mairie-villeurbanne.example", "+33 4 78 03 67 67"), &["NW-SEC"], Some("Public procurement; the purchase order follows the council vote."), Asked("Please add the expected number of seats and the date of the council vote.")),
    deal(39, ("Atelier Lumière Photo", "FR", "EUR", 3_900), ("Claire Dumas", "claire.dumas@atelier-lumiere.example", "+33 1 43 57 20 18"), &["NW-BACKUP"], None, UnderReview),
    deal(40, ("Banque Populaire du Jura", "FR", "EUR", 47_500), ("Olivier Perrin", "olivier.perrin@bp-jura.example", "+33 3 84 24 59 00"), &["NW-SEC", "NW-CLOUD"], Some("Follows a security audit; decision before year end."), UnderReview),
    deal(40, ("Nordsee Windpark GmbH", "DE", "EUR", 36_000), ("Frauke Petersen", "frauke.petersen@nordsee-windpark.example", "+49 471 9290 115"), &["NW-EDGE", "NW-DATA"], None, UnderReview),
    deal(41, ("Cabinet Durand Avocats", "FR", "EUR", 5_600), ("Maître Isabelle Durand", "isabelle.durand@durand-avocats.example", "+33 1 47 20 63 11"), &["NW-CLOUD", "NW-BACKUP"], Some("Small firm; they asked for a fixed monthly price."), Submitted),
    deal(41, ("Ferme des Trois Chênes", "FR", "EUR", 4_100), ("Guillaume Roy", "guillaume.roy@trois-chenes.example", "+33 2 43 71 08 55"), &["NW-EDGE"], None, Submitted),
    deal(41, ("Institut Pasteur de Lille", "FR", "EUR", 58_000), ("Dr Amina Benali", "amina.benali@pasteur-lille.example", "+33 3 20 87 78 00"), &["NW-DATA", "NW-SUPPORT"], Some("Research data platform; grant-funded, budget confirmed."), Submitted),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn every_deal_is_its_own_story() {
        let customers: HashSet<_> = DEALS.iter().map(|d| d.customer.0).collect();
        let phones: HashSet<_> = DEALS.iter().map(|d| d.contact.2).collect();
        let notes: Vec<_> = DEALS.iter().filter_map(|d| d.note).collect();
        assert_eq!(customers.len(), DEALS.len());
        assert_eq!(phones.len(), DEALS.len());
        assert_eq!(notes.iter().collect::<HashSet<_>>().len(), notes.len());
        for d in &DEALS {
            assert!(d.contact.1.is_ascii(), "{} is transliterated", d.contact.1);
            assert!((0..=41).contains(&d.day));
        }
        assert!(DEALS.windows(2).all(|w| w[0].day <= w[1].day), "in order");
    }
}
