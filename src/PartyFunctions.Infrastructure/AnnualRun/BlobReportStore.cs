using System.Globalization;
using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using PartyFunctions.AnnualRun;

namespace PartyFunctions.Infrastructure.AnnualRun;

/// <summary>Reports as blobs <c>reports/{year}/{unitId}.html|.csv</c>; the CSV carries a UTF-8 BOM so Excel shows Vietnamese.</summary>
public sealed class BlobReportStore(AnnualRunTables tables) : IReportStore
{
    private static readonly UTF8Encoding Utf8WithBom = new(encoderShouldEmitUTF8Identifier: true);

    public async Task SaveAsync(int year, string unitId, AnnualReport report, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(report);
        var container = await tables.ReportsAsync();
        // Two independent blobs: written side by side, one wait.
        await Task.WhenAll(
            container.GetBlobClient(Name(year, unitId, ReportFormat.Html)).UploadAsync(
                BinaryData.FromString(report.Html),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/html; charset=utf-8" } },
                cancellationToken),
            container.GetBlobClient(Name(year, unitId, ReportFormat.Csv)).UploadAsync(
                new BinaryData([.. Utf8WithBom.GetPreamble(), .. Utf8WithBom.GetBytes(report.Csv)]),
                new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/csv; charset=utf-8" } },
                cancellationToken));
    }

    public async Task<string?> GetAsync(int year, string unitId, ReportFormat format, CancellationToken cancellationToken)
    {
        var container = await tables.ReportsAsync();
        try
        {
            var content = await container.GetBlobClient(Name(year, unitId, format)).DownloadContentAsync(cancellationToken);
            return content.Value.Content.ToString().TrimStart('\uFEFF');
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return null;
        }
    }

    private static string Name(int year, string unitId, ReportFormat format) =>
        $"{year.ToString(CultureInfo.InvariantCulture)}/{unitId}.{(format == ReportFormat.Html ? "html" : "csv")}";
}
