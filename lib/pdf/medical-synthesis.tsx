import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { formatDateFr, formatDateTimeFr } from "@/lib/format";
import { userTextStyles } from "./fonts";
import { PageNumber } from "./letter";

/** One entry of a section: a heading line ("Asthme") and its details ("Depuis 2012", "Ventoline"). */
export type SynthesisEntry = { heading: string; details: string[] };

export type SynthesisSection = {
  title: string;
  entries: SynthesisEntry[];
  /** "Je ne suis pas concerné", with the day it was declared. */
  notConcernedSince?: Date | null;
  /** What an empty section says. */
  emptyText: string;
};

export type MedicalSynthesisInput = {
  person: { fullName: string; birthDate: string; insMatricule: string };
  generatedAt: Date;
  sections: SynthesisSection[];
};

const BRAND = "#0b2e59";
const MUTED = "#475569";

const styles = StyleSheet.create({
  sender: { fontWeight: "bold", fontSize: 13, color: BRAND },
  title: { fontWeight: "bold", fontSize: 16, color: BRAND, marginTop: 12, marginBottom: 12 },
  identity: { borderWidth: 0.75, borderColor: MUTED, borderRadius: 3, padding: 10, marginBottom: 8 },
  identityLine: { marginBottom: 2 },
  bold: { fontWeight: "bold" },
  notice: { fontSize: 8.5, color: MUTED, marginBottom: 16, lineHeight: 1.35 },
  sectionTitle: {
    fontWeight: "bold",
    fontSize: 12,
    color: BRAND,
    marginTop: 14,
    marginBottom: 6,
    paddingBottom: 3,
    borderBottomWidth: 0.5,
    borderBottomColor: MUTED,
  },
  entry: { marginBottom: 6 },
  entryHeading: { fontWeight: "bold", lineHeight: 1.35 },
  entryDetail: { paddingLeft: 10, lineHeight: 1.35 },
  empty: { color: MUTED, fontStyle: "normal" },
});

function SectionBlock({ section }: { section: SynthesisSection }) {
  return (
    <View>
      <Text style={styles.sectionTitle} minPresenceAhead={40}>
        {section.title}
      </Text>
      {section.entries.length > 0 ? (
        section.entries.map((entry, index) => (
          <View key={index} style={styles.entry} wrap={false}>
            <Text style={styles.entryHeading}>{entry.heading}</Text>
            {entry.details.map((detail, detailIndex) => (
              <Text key={detailIndex} style={styles.entryDetail}>
                {detail}
              </Text>
            ))}
          </View>
        ))
      ) : (
        <Text style={styles.empty}>
          {section.notConcernedSince
            ? `Non concerné (déclaré le ${formatDateFr(section.notConcernedSince)}).`
            : section.emptyText}
        </Text>
      )}
    </View>
  );
}

/**
 * "Synthèse de mon profil médical": the person's identity and the sections they chose, as they
 * stand when it is made. It prints only what the caller passes: items the person masked from
 * professionals are left out before this point (lib/medical-profile/synthesis.ts).
 */
export async function renderMedicalSynthesis({ person, generatedAt, sections }: MedicalSynthesisInput): Promise<Buffer> {
  return renderToBuffer(
    <Document title="Synthèse de mon profil médical" author="Mon espace santé" subject={person.fullName} language="fr">
      <Page size="A4" style={userTextStyles.page}>
        <Text style={styles.sender}>Mon espace santé</Text>
        <Text style={styles.title}>Synthèse de mon profil médical</Text>
        <View style={styles.identity}>
          <Text style={styles.identityLine}>
            <Text style={styles.bold}>Nom : </Text>
            {person.fullName}
          </Text>
          <Text style={styles.identityLine}>
            <Text style={styles.bold}>Date de naissance : </Text>
            {formatDateFr(person.birthDate)}
          </Text>
          <Text style={styles.identityLine}>
            <Text style={styles.bold}>Matricule INS : </Text>
            {person.insMatricule}
          </Text>
        </View>
        <Text style={styles.notice}>
          Établie le {formatDateTimeFr(generatedAt)} à partir des informations que la personne a saisies dans son profil
          médical. Ces informations déclaratives ne remplacent pas un avis médical.
        </Text>
        {sections.map((section) => (
          <SectionBlock key={section.title} section={section} />
        ))}
        <View style={userTextStyles.footer} fixed>
          <Text>Synthèse médicale – {person.fullName}</Text>
          <PageNumber />
        </View>
      </Page>
    </Document>,
  );
}
