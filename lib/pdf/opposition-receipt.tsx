import "server-only";
import { Document, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import { appUrl } from "@/lib/delivery/message-blocks";
import { formatDateFr } from "@/lib/format";
import { maskNir } from "@/lib/register/nir";
import { PageFooter, PageNumber, pdfStyles } from "./letter";

const styles = StyleSheet.create({
  header: {
    flexDirection: "row",
    justifyContent: "space-between",
    paddingBottom: 12,
    marginBottom: 24,
    borderBottomWidth: 0.5,
    borderBottomColor: "#475569",
  },
  date: { textAlign: "right", marginBottom: 24 },
});

/**
 * "Votre justificatif d'opposition": proof that the person opposed the creation of their space,
 * downloadable once after opposing and attached to the confirmation e-mail. The NIR is masked.
 */
export async function renderOppositionReceipt({
  nir,
  fullName,
  opposedAt,
}: {
  nir: string;
  fullName: string;
  opposedAt: Date;
}): Promise<Buffer> {
  const opposedOn = formatDateFr(opposedAt);
  return renderToBuffer(
    <Document
      title="Votre justificatif d'opposition"
      author="Mon espace santé"
      subject="Opposition à la création de Mon espace santé"
      language="fr"
    >
      <Page size="A4" style={pdfStyles.page}>
        <View style={styles.header} fixed>
          <View>
            <Text>
              <Text style={pdfStyles.bold}>Numéro de l&apos;assuré : </Text>
              {maskNir(nir)}
            </Text>
            <Text>
              <Text style={pdfStyles.bold}>Nom de l&apos;assuré : </Text>
              {fullName}
            </Text>
          </View>
          <PageNumber />
        </View>
        <Text style={pdfStyles.sender}>Mon espace santé</Text>
        <Text style={styles.date}>Le {opposedOn}</Text>
        <Text style={pdfStyles.title}>Votre justificatif d&apos;opposition</Text>
        <Text style={pdfStyles.paragraph}>Bonjour,</Text>
        <Text style={pdfStyles.paragraph}>
          Votre demande d&apos;opposition à la création de Mon espace santé a bien été prise en compte le {opposedOn}.
        </Text>
        <Text style={pdfStyles.paragraph}>
          Votre dossier médical partagé (DMP) existant est conservé, mais il n&apos;est plus accessible.
        </Text>
        <Text style={pdfStyles.paragraph}>
          Vous pouvez revenir à tout moment sur votre décision en activant Mon espace santé sur {appUrl("/activation")} :
          générez un nouveau code provisoire, puis choisissez « J&apos;active Mon espace santé ».
        </Text>
        <Text style={pdfStyles.signature}>{"Avec toute mon attention,\nVotre conseiller Mon espace santé"}</Text>
        <PageFooter hasPageNumber={false} />
      </Page>
    </Document>,
  );
}
