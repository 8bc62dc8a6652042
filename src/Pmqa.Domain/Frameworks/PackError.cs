namespace Pmqa.Domain.Frameworks;

/// <summary>A problem in a framework file, located by line and column and by the field's path
/// (e.g. <c>categories[0].issues[2].levels[1].items[0].textTh</c>).</summary>
public sealed record PackError(int Line, int Column, string Path, string MessageTh, string MessageEn)
{
    public override string ToString() => $"line {Line}, column {Column}, {Path}: {MessageEn}";
}

public sealed class FrameworkPackException(IReadOnlyList<PackError> errors)
    : Exception(string.Join(Environment.NewLine, errors))
{
    public IReadOnlyList<PackError> Errors { get; } = errors;
}
