using System.IO.Compression;
using PartyFunctions.Remediation;

namespace PartyFunctions.UnitTests.Remediation;

/// <summary>Issue 15 item 7: evidence is what its bytes are, and a Word file with macros is not evidence.</summary>
public sealed class EvidenceSnifferTests
{
    private const string WordTypes = "<Types><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

    [Fact]
    public void A_plain_word_document_is_docx()
    {
        Assert.Equal(EvidenceType.Docx, EvidenceSniffer.Detect(Zip(("[Content_Types].xml", WordTypes), ("word/document.xml", "<w:document/>"))));
    }

    [Fact]
    public void A_macro_enabled_document_renamed_docx_is_refused()
    {
        var docm = Zip(("[Content_Types].xml", WordTypes.Replace("document.main+xml", "document.macroEnabled.main+xml", StringComparison.Ordinal)),
            ("word/document.xml", "<w:document/>"));
        var withMacros = Zip(("[Content_Types].xml", WordTypes), ("word/document.xml", "<w:document/>"), ("word/vbaProject.bin", "macro"));

        Assert.Null(EvidenceSniffer.Detect(docm));
        Assert.Null(EvidenceSniffer.Detect(withMacros));
    }

    [Fact]
    public void An_archive_that_only_pretends_to_be_a_document_is_refused()
    {
        Assert.Null(EvidenceSniffer.Detect(Zip(("word/payload.exe", "MZ"))));
        Assert.Null(EvidenceSniffer.Detect(Zip(("[Content_Types].xml", WordTypes), ("word/styles.xml", "<x/>"))));
    }

    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }

        return stream.ToArray();
    }
}
