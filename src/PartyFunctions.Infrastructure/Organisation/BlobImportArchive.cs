using System.Globalization;
using PartyFunctions.Organisation;

namespace PartyFunctions.Infrastructure.Organisation;

/// <summary>Keeps import files in the <c>imports</c> container, byte for byte, named by kind and UTC time of receipt.</summary>
public sealed class BlobImportArchive(OrganisationTables tables, TimeProvider clock) : IImportArchive
{
    public async Task<string> StoreAsync(string kind, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var container = await tables.ImportsAsync();
        var now = clock.GetUtcNow();
        var name = $"{kind}/{now.ToString("yyyy/MM/dd/HHmmss", CultureInfo.InvariantCulture)}-{Guid.NewGuid():N}.csv";
        await container.GetBlobClient(name).UploadAsync(BinaryData.FromBytes(content), overwrite: false, cancellationToken);
        return name;
    }
}
