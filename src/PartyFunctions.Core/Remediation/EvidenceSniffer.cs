using System.IO.Compression;

namespace PartyFunctions.Remediation;

/// <summary>
/// Tells a document's type from its first bytes, never from its name or declared content type (a renamed file is what
/// its bytes are): <c>%PDF</c>, JPEG <c>FF D8 FF</c>, PNG <c>89 50 4E 47 0D 0A 1A 0A</c>, and DOCX: a ZIP archive
/// (<c>PK 03 04</c>) that holds <c>word/</c> entries (a bare ZIP, XLSX or ODT is refused).
/// </summary>
public static class EvidenceSniffer
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public static EvidenceType? Detect(ReadOnlyMemory<byte> content)
    {
        var bytes = content.Span;
        if (bytes.StartsWith("%PDF-"u8))
        {
            return EvidenceType.Pdf;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return EvidenceType.Jpeg;
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return EvidenceType.Png;
        }

        return bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]) && HasWordEntries(content) ? EvidenceType.Docx : null;
    }

    private const string ContentTypes = "[Content_Types].xml";
    private const int MaxContentTypesBytes = 64 * 1024;

    private static bool HasWordEntries(ReadOnlyMemory<byte> content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content.ToArray(), writable: false), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToList();
            if (!names.Contains(ContentTypes, StringComparer.Ordinal) || !names.Contains("word/document.xml", StringComparer.Ordinal)
                || names.Any(n => n.EndsWith("vbaProject.bin", StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }

            // Only the start is read: the content types of a real document are a few hundred bytes.
            using var types = new StreamReader(zip.GetEntry(ContentTypes)!.Open());
            var buffer = new char[MaxContentTypesBytes];
            var read = types.ReadBlock(buffer, 0, buffer.Length);
            return !new string(buffer, 0, read).Contains("macroEnabled", StringComparison.OrdinalIgnoreCase);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}

/// <summary>The accepted evidence types with their stored extension and content type.</summary>
public enum EvidenceType
{
    Pdf,
    Docx,
    Jpeg,
    Png,
}

public static class EvidenceTypes
{
    public static string Extension(this EvidenceType type) => type switch
    {
        EvidenceType.Pdf => "pdf",
        EvidenceType.Docx => "docx",
        EvidenceType.Jpeg => "jpg",
        _ => "png",
    };

    public static string ContentType(this EvidenceType type) => type switch
    {
        EvidenceType.Pdf => "application/pdf",
        EvidenceType.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        EvidenceType.Jpeg => "image/jpeg",
        _ => "image/png",
    };
}
