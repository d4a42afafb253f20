import Link from "next/link";

export default function NotFound() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not found</h1>
      <p className="text-slate-700">There is nothing at this address. The dialogue may not have been imported.</p>
      <p>
        <Link href="/" className="text-un-dark underline">
          Back to the dialogues
        </Link>
      </p>
    </div>
  );
}
