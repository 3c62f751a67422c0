from django_tasks import task

from .services import decision_basis_generate


@task()
def decision_basis_generate_task(*, basis_id):
    decision_basis_generate(basis_id=basis_id)
