using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Pmqa.Domain.Frameworks;

/// <summary>
/// Checks the shape of a YAML text before anything builds a tree from it. YamlDotNet's representation
/// model and our reader both recurse once per nesting level, so a file nested a few thousand levels deep
/// overflows the stack, which no <c>catch</c> can stop: the whole server dies. Aliases are references, so
/// a few lines can name a billion nodes ("billion laughs"), which the reader would then walk one by one.
/// This guard reads the parser's event stream, which is iterative, counting nesting and the number of
/// nodes the document stands for once every alias is expanded, and refuses beyond the limits.
/// </summary>
public static class YamlShapeGuard
{
    /// <summary>The deepest nesting of mappings and sequences accepted (the shipped pack needs 8).</summary>
    public const int MaxDepth = 64;

    /// <summary>The most nodes a file may stand for with every alias expanded (the shipped pack has about 15,000).</summary>
    public const long MaxExpandedNodes = 200_000;

    /// <summary>The longest single text accepted (the longest guidance in the shipped pack is a few thousand).</summary>
    public const int MaxScalarLength = 20_000;

    /// <summary>The first reason the text is refused, or null when its shape is within the limits.</summary>
    public static PackError? Check(string yaml)
    {
        var anchors = new Dictionary<AnchorName, long>();
        // One frame per open mapping or sequence: how many nodes it holds so far, and its anchor.
        var frames = new Stack<(long Nodes, AnchorName Anchor)>();
        frames.Push((0, AnchorName.Empty));
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case MappingStart or SequenceStart:
                        if (frames.Count > MaxDepth)
                            return TooDeep(parser.Current.Start);
                        frames.Push((1, ((NodeEvent)parser.Current).Anchor));
                        break;
                    case MappingEnd or SequenceEnd:
                        var closed = frames.Pop();
                        if (!closed.Anchor.IsEmpty) anchors[closed.Anchor] = closed.Nodes;
                        if (Add(frames, closed.Nodes)) return TooLarge(parser.Current.Start);
                        break;
                    case Scalar { Value.Length: > MaxScalarLength } tooLong:
                        return new PackError((int)tooLong.Start.Line, (int)tooLong.Start.Column, "(file)",
                            $"ข้อความยาวเกิน {MaxScalarLength:N0} ตัวอักษร", $"a text is longer than {MaxScalarLength:N0} characters");
                    case Scalar scalar:
                        if (!scalar.Anchor.IsEmpty) anchors[scalar.Anchor] = 1;
                        if (Add(frames, 1)) return TooLarge(scalar.Start);
                        break;
                    case AnchorAlias alias:
                        // An alias to an unknown anchor is the parser's error to report later; count it as one node.
                        if (Add(frames, anchors.GetValueOrDefault(alias.Value, 1))) return TooLarge(alias.Start);
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null; // not valid YAML: the reader reports it with its position
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException)
        {
            // YamlDotNet's parser throws this, not a YamlException, for some damaged files (found by the fuzzer,
            // e.g. a second document start where the scanner expects the end); the reader would throw it too.
            var at = parser.Current?.End ?? Mark.Empty;
            return new PackError((int)at.Line, (int)at.Column, "(file)", $"ไฟล์ YAML ไม่ถูกต้อง: {e.Message}", $"the file is not valid YAML: {e.Message}");
        }
        return null;
    }

    /// <summary>Adds nodes to the innermost open frame; true once it exceeds the limit (the whole file holds at least as many).</summary>
    private static bool Add(Stack<(long Nodes, AnchorName Anchor)> frames, long nodes)
    {
        var top = frames.Pop();
        var sum = Math.Min(top.Nodes + nodes, MaxExpandedNodes + 1);
        frames.Push((sum, top.Anchor));
        return sum > MaxExpandedNodes;
    }

    private static PackError TooDeep(Mark at) => new((int)at.Line, (int)at.Column, "(file)",
        $"ไฟล์ซ้อนกันลึกเกิน {MaxDepth} ชั้น จึงไม่รับ", $"the file is nested more than {MaxDepth} levels deep and is refused");

    private static PackError TooLarge(Mark at) => new((int)at.Line, (int)at.Column, "(file)",
        $"ไฟล์มีข้อมูลเกิน {MaxExpandedNodes:N0} รายการเมื่อขยายการอ้างอิง (alias) แล้ว จึงไม่รับ",
        $"the file stands for more than {MaxExpandedNodes:N0} nodes once its aliases are expanded and is refused");
}
