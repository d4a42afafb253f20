import Link from "next/link";

export default function ForbiddenPage() {
  return (
    <div className="space-y-3">
      <h1 className="text-2xl font-semibold">Not allowed</h1>
      <p className="text-slate-700">Your role does not allow this page. Ask an admin if you need access.</p>
      <Link href="/" className="text-un-dark underline">
        Back to the dialogues
      </Link>
    </div>
  );
}
