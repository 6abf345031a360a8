import { CheckForm } from "./check-form";

export default function TmpUiCheckPage() {
  return (
    <>
      <h1 className="text-3xl font-bold text-brand-900">Vérification des composants</h1>
      <div className="mt-6">
        <CheckForm />
      </div>
    </>
  );
}
