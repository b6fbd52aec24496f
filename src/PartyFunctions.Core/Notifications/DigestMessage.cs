namespace PartyFunctions.Notifications;

/// <summary>The queue message for one digest. <paramref name="Deferrals"/> counts rate-limit postponements.</summary>
public sealed record DigestMessage(string RunId, string RecipientKey, int Deferrals = 0)
{
    public DigestId Id => new(RunId, RecipientKey);

    public static DigestMessage For(DigestId id) => new(id.RunId, id.RecipientKey);
}
