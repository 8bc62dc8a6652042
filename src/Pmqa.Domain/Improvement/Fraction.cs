using System.Numerics;

namespace Pmqa.Domain.Improvement;

/// <summary>
/// An exact non-negative fraction, so the path search compares totals without decimal's 28-digit rounding
/// (100 / 3 × 3 is 100 here, 99.999… in decimal). Only what the search needs: sum, product, order.
/// </summary>
internal readonly record struct Fraction
{
    public BigInteger Numerator { get; }
    public BigInteger Denominator { get; }

    public Fraction(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero) throw new DivideByZeroException();
        if (denominator.Sign < 0) (numerator, denominator) = (-numerator, -denominator);
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsZero && !gcd.IsOne) (numerator, denominator) = (numerator / gcd, denominator / gcd);
        Numerator = numerator;
        Denominator = denominator;
    }

    public static readonly Fraction Zero = new(0, 1);

    /// <summary>A decimal exactly: its 96-bit mantissa over 10^scale.</summary>
    public static Fraction Of(decimal value)
    {
        var bits = decimal.GetBits(value);
        var mantissa = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        var scale = (bits[3] >> 16) & 0xFF;
        if (bits[3] < 0) mantissa = -mantissa;
        return new Fraction(mantissa, BigInteger.Pow(10, scale));
    }

    public static Fraction operator +(Fraction a, Fraction b) =>
        new(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);

    public static Fraction operator *(Fraction a, Fraction b) => new(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    public static Fraction operator /(Fraction a, Fraction b) => new(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator >=(Fraction a, Fraction b) => a.Numerator * b.Denominator >= b.Numerator * a.Denominator;

    public static bool operator <=(Fraction a, Fraction b) => b >= a;

    /// <summary>The numerator of this fraction over <paramref name="common"/>, which must be a multiple of the denominator.</summary>
    public BigInteger Over(BigInteger common) => Numerator * (common / Denominator);

    /// <summary>The smallest exact total whose score, rounded to 2 decimals away from zero, is at least
    /// <paramref name="target"/>: (⌈100 t⌉ − ½) / 100, e.g. 349.995 for 350 (scoring.md compares the rounded total).</summary>
    public static Fraction LeastRoundingTo(decimal target) =>
        new(2 * new BigInteger(Math.Ceiling(target * 100)) - 1, 200);
}
