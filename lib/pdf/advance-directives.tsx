import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { DIRECTIVE_CHOICES, DIRECTIVE_TREATMENTS, DIRECTIVE_VARIANTS, type DirectiveTreatment } from "@/lib/advance-directives/choices";
import type { AdvanceDirectivesAnswers } from "@/lib/advance-directives/form";
import { formatDateFr, formatLongDateFr } from "@/lib/format";
import { userTextStyles } from "./fonts";
import { PageNumber } from "./letter";

const BRAND = "#0b2e59";
const MUTED = "#475569";

const styles = StyleSheet.create({
  title: { fontWeight: "bold", fontSize: 16, color: BRAND, marginBottom: 4 },
  subtitle: { color: MUTED, marginBottom: 14 },
  bold: { fontWeight: "bold" },
  paragraph: { marginBottom: 8, lineHeight: 1.4 },
  sectionTitle: { fontWeight: "bold", fontSize: 12, color: BRAND, marginTop: 12, marginBottom: 6 },
  treatment: { marginBottom: 6, lineHeight: 1.35 },
  precision: { paddingLeft: 10, color: "#334155" },
});

/**
 * "Mes directives anticipées", made from the online form: who wrote them, the model chosen, each
 * treatment's answer and the person's own words, the place and the day. The document replaces any
 * earlier directives in the person's Documents (lib/advance-directives).
 */
export async function renderAdvanceDirectives({
  person,
  answers,
  writtenAt,
}: {
  person: { fullName: string; birthDate: string };
  answers: AdvanceDirectivesAnswers;
  writtenAt: Date;
}): Promise<Buffer> {
  const treatments = Object.keys(DIRECTIVE_TREATMENTS) as DirectiveTreatment[];
  return renderToBuffer(
    <Document title="Mes directives anticipées" author={person.fullName} subject="Directives anticipées" language="fr">
      <Page size="A4" style={userTextStyles.page}>
        <Text style={styles.title}>Mes directives anticipées</Text>
        <Text style={styles.subtitle}>Rédigées en ligne dans Mon espace santé</Text>
        <Text style={styles.paragraph}>
          Je soussigné(e) <Text style={styles.bold}>{person.fullName}</Text>, né(e) le {formatDateFr(person.birthDate)},
          rédige mes directives anticipées pour le cas où je ne serais plus en mesure d&apos;exprimer ma volonté.
        </Text>
        <Text style={styles.paragraph}>
          <Text style={styles.bold}>Ma situation : </Text>
          {DIRECTIVE_VARIANTS[answers.variant]}.
        </Text>
        {answers.situation ? <Text style={styles.paragraph}>{answers.situation}</Text> : null}
        <Text style={styles.sectionTitle}>Les traitements et les actes médicaux</Text>
        {treatments.map((treatment) => {
          const precision = answers[`${treatment}Precision`];
          return (
            <View key={treatment} style={styles.treatment} wrap={false}>
              <Text>
                <Text style={styles.bold}>{DIRECTIVE_TREATMENTS[treatment]} : </Text>
                {DIRECTIVE_CHOICES[answers[`${treatment}Choice`]]}
              </Text>
              {precision ? <Text style={styles.precision}>{precision}</Text> : null}
            </View>
          );
        })}
        {answers.otherWishes ? (
          <>
            <Text style={styles.sectionTitle}>Mes autres souhaits</Text>
            <Text style={styles.paragraph}>{answers.otherWishes}</Text>
          </>
        ) : null}
        <Text style={[styles.paragraph, { marginTop: 16 }]}>
          Fait à {answers.place}, le {formatLongDateFr(writtenAt)}.
        </Text>
        <Text style={[styles.paragraph, { color: MUTED, fontSize: 8.5 }]}>
          Ces directives s&apos;imposent au médecin, sauf en cas d&apos;urgence vitale le temps d&apos;évaluer la situation,
          ou si elles apparaissent manifestement inappropriées (article L. 1111-11 du code de la santé publique). Je peux
          les modifier ou les annuler à tout moment.
        </Text>
        <View style={userTextStyles.footer} fixed>
          <Text>Directives anticipées – {person.fullName}</Text>
          <PageNumber />
        </View>
      </Page>
    </Document>,
  );
}
