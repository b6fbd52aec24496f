using Microsoft.AspNetCore.Http;

namespace PartyFunctions.Organisation;

/// <summary>Reads an uploaded file, the raw body or the first file of a multipart form, refusing it past a size limit.</summary>
public static class UploadedFile
{
    /// <summary>The bytes, or null when there are more than <paramref name="maxBytes"/> (reading stops there).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.HasFormContentType && (await request.ReadFormAsync(cancellationToken)).Files is [var file, ..]
            ? file.OpenReadStream()
            : request.Body;
        using var content = new MemoryStream();
        var buffer = new byte[81_920];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            if (content.Length + read > maxBytes)
            {
                return null;
            }

            content.Write(buffer, 0, read);
        }

        return content.ToArray();
    }
}
