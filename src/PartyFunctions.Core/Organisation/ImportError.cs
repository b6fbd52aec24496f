namespace PartyFunctions.Organisation;

/// <summary>One problem in an import file: the physical line (1 is the header) and a message, Vietnamese first.</summary>
public sealed record ImportError(int Line, string Message)
{
    public override string ToString() => Line > 0 ? $"Dòng {Line} / line {Line}: {Message}" : Message;
}
