import { Body, Container, Head, Hr, Html, Preview, Section, Text } from "@react-email/components";
import type { ReactNode } from "react";

/** The frame every Pendopo email shares: brand line, content, and a footer that says why it was sent. */
export function EmailLayout({ preview, footer, lang, children }: { preview: string; footer: string; lang: string; children: ReactNode }) {
  return (
    <Html lang={lang}>
      <Head />
      <Preview>{preview}</Preview>
      <Body style={{ backgroundColor: "#f6f3ee", fontFamily: "Helvetica, Arial, sans-serif", color: "#2b2118" }}>
        <Container style={{ maxWidth: 560, margin: "24px auto", backgroundColor: "#ffffff", borderRadius: 8, padding: 28 }}>
          <Text style={{ fontSize: 18, fontWeight: 700, color: "#7a3e12", margin: 0 }}>Pendopo</Text>
          <Section style={{ marginTop: 16 }}>{children}</Section>
          <Hr style={{ borderColor: "#e8e1d6", margin: "24px 0 12px" }} />
          <Text style={{ fontSize: 12, color: "#6b5d4f", margin: 0 }}>{footer}</Text>
        </Container>
      </Body>
    </Html>
  );
}

export const buttonStyle = {
  backgroundColor: "#7a3e12",
  color: "#ffffff",
  padding: "12px 20px",
  borderRadius: 6,
  fontWeight: 700,
  textDecoration: "none",
  display: "inline-block",
} as const;
